package matchers

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"EPHEDRINE", "ephedrine"},
		{"ＥＰＨＥＤＲＩＮＥ ５４４９－１２－７", "ephedrine 5449-12-7"},
		{"e\u200bphe\u00addrine\u200d", "ephedrine"},
		{"Éphédrine", "ephedrine"},
		{"Pseudoe\u0301phedrine", "pseudoephedrine"},
		{"3ph3dr1n3", "ephedrine"},
		{"pseud0ephedrine", "pseudoephedrine"},
		{"Ph3nyl4c3tic 4cid", "phenylacetic acid"},
		{"4-AP", "4-ap"},
		{"1-boc-4-piperidone", "1-boc-4-piperidone"},
		{"3,4-MDP-2-P", "3,4-mdp-2-p"},
		{"H2SO4 and KMnO4", "h2so4 and kmno4"},
		{"100kg drum, 25L", "100kg drum, 25l"},
		{"CAS 5449–12–7 — CAS#28578 16 7", "cas 5449-12-7 - cas#28578 16 7"},
		{"e p h e d r i n e", "ephedrine"},
		{"e.p.h.e.d.r.i.n.e", "ephedrine"},
		{"buy e-p-h-e-d-r-i-n-e now", "buy ephedrine now"},
		{"П с е в д о э ф е д р и н", "псевдоэфедрин"},
		{"plan a or b, x y", "plan a or b, x y"}, // two lone letters are not a spaced word
		{"Eph&eacute;drine &amp; &#101;phedrine&nbsp;HCl", "ephedrine & ephedrine hcl"},
		{"\u0435\u0440hedrine", "ephedrine"}, // Cyrillic е р inside a Latin word
		{"эфедрин", "эфедрин"},               // a Russian word stays Russian
		{"Essigsäureanhydrid, Straße", "essigsaureanhydrid, strasse"},
		{"麻黄碱，伪麻黄碱", "麻黄碱,伪麻黄碱"},
		{"a  \t b\r\n\n c", "a b\nc"},
		{"bad \xff\xfe utf8", "bad utf8"},
		{"İSTANBUL ılık", "istanbul ilik"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in).String(); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNormalizeOffsets(t *testing.T) {
	tests := []struct {
		in, find, wantOrig string
	}{
		{"Buy ＥＰＨＥＤＲＩＮＥ now", "ephedrine", "ＥＰＨＥＤＲＩＮＥ"},
		{"x e\u200bphedrine y", "ephedrine", "e\u200bphedrine"},
		{"Eph&eacute;drine HCl", "ephedrine", "Eph&eacute;drine"},
		{"get 3ph3dr1n3 here", "ephedrine", "3ph3dr1n3"},
		{"e . p . h", "e . p . h", "e . p . h"},
		{"sale: e.p.h.e.d.r.i.n.e!", "ephedrine", "e.p.h.e.d.r.i.n.e"},
		{"CAS ５４４９–１２–７ ok", "5449-12-7", "５４４９–１２–７"},
		{"Псевдоэфедрин 60", "псевдоэфедрин", "Псевдоэфедрин"},
		{"盐酸伪麻黄碱片", "伪麻黄碱", "伪麻黄碱"},
		{"a\u00a0\u00a0acetone", "acetone", "acetone"},
		{"x Pseudo<wbr>ephedrine y", "pseudoephedrine", "Pseudo<wbr>ephedrine"},
		{"<p>ephe<b class=\"x\">drine</b></p>", "ephedrine", "ephe<b class=\"x\">drine"},
		{"a <br> b", "<br>", "<br>"},
		{"x<wbr> y", "x<wbr>", "x<wbr>"},
	}
	for _, tt := range tests {
		n := Normalize(tt.in)
		i := strings.Index(n.String(), tt.find)
		if i < 0 {
			t.Errorf("Normalize(%q) = %q: no %q", tt.in, n.String(), tt.find)
			continue
		}
		s, e := n.Orig(i, i+len(tt.find))
		if got := tt.in[s:e]; got != tt.wantOrig {
			t.Errorf("Normalize(%q): %q maps to original [%d:%d] %q, want %q", tt.in, tt.find, s, e, got, tt.wantOrig)
		}
	}
}

// checkOffsets asserts that every normalised byte maps inside the original
// and that the map never goes backwards.
func checkOffsets(t *testing.T, in string) {
	t.Helper()
	n := Normalize(in)
	if !utf8.Valid(n.Norm) {
		t.Fatalf("Normalize(%q) = %q: not valid UTF-8", in, n.Norm)
	}
	prev := 0
	for i := range n.Norm {
		s, e := n.Orig(i, i+1)
		if s < 0 || e > len(in) || s > e {
			t.Fatalf("Normalize(%q): byte %d maps to [%d:%d] outside [0:%d]", in, i, s, e, len(in))
		}
		if s < prev {
			t.Fatalf("Normalize(%q): byte %d maps to %d, before %d", in, i, s, prev)
		}
		prev = s
	}
	if s, e := n.Orig(0, len(n.Norm)); s < 0 || e > len(in) || s > e {
		t.Fatalf("Normalize(%q): whole text maps to [%d:%d]", in, s, e)
	}
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"", "ephedrine", "ＥＰＨＥＤＲＩＮＥ", "3ph3dr1n3", "e p h e d r i n e", "&amp;&#x41;&#1234567;&",
		"CAS#28578 16 7", "\xff\xfe\x00", "Pseudo<wbr>ephedrine", "a<b>c</b>d<", "x</span >y<i/>z", "e\u200bp\u0301", "İı ß", "П с е", "&lt;b&gt;", "a\u00a0 \n\tb", "1-boc-4-ap"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkOffsets(t, s)
	})
}

// TestSpecialCJKEnd checks the bound foldRuneIn relies on: every key of
// special from 0x3000 on is below specialCJKEnd, a fullwidth form, which
// foldRuneIn sends to computeFold, or one of the two small capitals it
// looks up by name.
func TestSpecialCJKEnd(t *testing.T) {
	for r := range special {
		if r >= 0x3000 && r >= specialCJKEnd && !(r >= 0xFE00 && r <= 0xFFEF) && r != 'ꜰ' && r != 'ꜱ' {
			t.Errorf("special[%U] is outside what foldRuneIn looks up", r)
		}
	}
}

// TestRuneProps checks the rune property table against the unicode package
// on every rune of the Basic Multilingual Plane and a few beyond.
func TestRuneProps(t *testing.T) {
	runePropOnce.Do(initRuneProps)
	for r := rune(0); r < 0x10000+0x3000; r++ {
		got := runeProp(r)
		alnum := unicode.IsLetter(r) || unicode.IsDigit(r)
		if got&rpAlnum != 0 != alnum || got&rpWord != 0 != isWordRune(r) || got&rpMn != 0 != unicode.Is(unicode.Mn, r) ||
			got&rpMc != 0 != unicode.Is(unicode.Mc, r) {
			t.Fatalf("runeProp(%U) = %b", r, got)
		}
	}
}
