package matchers

import "testing"

// Tests of the code-level gaps found on the ninth held-out set
// (testdata/heldout9; /work/notes/matcher-gaps.md, "Round 9"). Each case is
// written fresh, in other words than the held-out listing that showed the
// gap, so that the rule is tested and not the listing.

// A list cue of a blend's constituents or perfume notes makes every
// mention after it, to the end of the sentence, a component of the product
// and not an offer, across the commas of the list ("main constituents:
// linalool, safrole and camphor"); a full stop ends its reach, so a Table I
// chemical offered in the next sentence is still offered, and a mention
// before the cue is untouched.
func TestGap9ListCueSpansCommas(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Camphor leaf essential oil 15 ml", desc: "Steam-distilled camphor oil. Main constituents include camphor, linalool, cineole and safrole (about 2 %). For diffusers.",
			price: "€ 9", cas: []string{"94-59-7"}},
		{title: "Solid perfume balm 10 g", desc: "Beeswax balm. Heart notes: orris, tonka bean, heliotropin. Apply to wrists.",
			price: "€ 14", cas: []string{"120-57-0"}},
		{title: "Camphor leaf essential oil 15 ml", desc: "Main constituents include camphor, linalool and cineole. We also sell safrole 99%, 1 L bottles.",
			price: "€ 9", suspicious: true, cas: []string{"94-59-7"}},
		{title: "Heliotropin 99% 1 kg", desc: "Heliotropin crystals 99%, odour notes: powdery, almond, vanilla.",
			price: "€ 90", suspicious: true, cas: []string{"120-57-0"}},
	})
}
