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

// A limit written out in words right after a mention ("safrole below 0.5
// %", "less than 1 %") states what a product contains, like "safrole <
// 0.5 %"; a limit after another word ("moisture below 0.1%") leaves the
// offered chemical offered.
func TestGap9LimitWords(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Nutmeg body butter 100 g", desc: "Shea and nutmeg butter for dry skin, safrole below 0.5 % as IFRA requires.",
			price: "€ 12", cas: []string{"94-59-7"}},
		{title: "Cinnamon leaf oil 30 ml", desc: "Cinnamon leaf oil for soap; safrole less than 1 %.",
			price: "€ 8", cas: []string{"94-59-7"}},
		{title: "Safrole 99% 1 L", desc: "Safrole 99%, moisture below 0.1%, amber bottle.",
			price: "€ 80", suspicious: true, cas: []string{"94-59-7"}},
	})
}

// A seller's bare "Notes:" field is no list of a blend's notes: a Table I
// chemical offered after it stays offered.
func TestGap9BareNotesIsNoListCue(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Aroma chemicals – restock", desc: "Notes: we also have safrole 99%, 1 L bottles, ask for price.",
			price: "€ 80", suspicious: true, cas: []string{"94-59-7"}},
	})
}

// A solvent blend is the chemicals it names: "blend of toluene and
// acetone" with an indicator offers both (rule b), while a fragrance blend
// in a candle names its components.
func TestGap9SolventBlendIsOffered(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Thinner 20 L", desc: "Solvent blend of toluene and acetone, discreet shipping, Telegram @thinpro.",
			price: "€ 40", suspicious: true, cas: []string{"108-88-3", "67-64-1"}},
		{title: "Amber & honey candle 250 g", desc: "Soy wax candle with a fragrance blend of phenylacetic acid and labdanum.",
			price: "€ 18", cas: []string{"103-82-2"}},
	})
}
