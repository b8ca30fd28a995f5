package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// FuzzMatch: Match never panics and every hit lies inside its field.
func FuzzMatch(f *testing.F) {
	for _, s := range [][2]string{
		{"BMK glycidate CAS 5449-12-7", "wickr: chemking, BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"},
		{"e p h e d r i n e-free", "&lt;b&gt;Eph&eacute;drine&lt;/b&gt; HCl, no questions"},
		{"麻黄碱 不含", "Псевдоэфедрин без рецепта, CAS#28578 16 7"},
		{"\xff\xfe", "P2P AA NPP 3ph3dr1n3 ＰＭＫ"},
		{"28578 16 7", "Pseudo<wbr>ephedrine, ephe<b>drine</b>"},
	} {
		f.Add(s[0], s[1])
	}
	m := testMatcher(f)
	f.Fuzz(func(t *testing.T, title, desc string) {
		l := precwatch.Listing{Title: title, Description: desc, Attributes: map[string]string{"x": desc, "CAS": title}}
		res := m.Match(&l)
		for _, s := range res.Substances {
			for _, h := range s.Hits {
				text := map[string]string{"title": title, "description": desc, "attributes.x": desc, "attributes.CAS": title}[h.Field]
				if h.Start < 0 || h.End > len(text) || h.Start > h.End {
					t.Fatalf("hit %+v outside field %q", h, text)
				}
			}
		}
		if res.Score < 0 || res.Score > 1 {
			t.Fatalf("score %v outside 0..1", res.Score)
		}
	})
}
