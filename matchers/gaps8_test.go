package matchers

import "testing"

// Tests of the code-level gaps found on the eighth held-out set
// (testdata/heldout8; /work/notes/matcher-gaps.md, "Round 8"). Each case is
// written fresh, in other words than the held-out listing that showed the
// gap, so that the rule is tested and not the listing.

// A block word of an indicator still blocks it when the indicator phrase
// stands in a parenthesis right after the block word: "5 litres (converts
// to 1.32 US gallons)" is a unit conversion like "5 litres converts to …",
// while a conversion hint without a unit before it stays an indicator.
func TestGap8BlockWordBeforeParenthesis(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Toluene 5 litres", desc: "Toluene technical, 5 litres (converts to 1.32 US gallons). Invoice with VAT.", price: "€ 20", cas: []string{"108-88-3"}},
		{title: "Toluene 5 litres", desc: "Toluene technical, 5 litres converts to 1.32 US gallons. Invoice with VAT.", price: "€ 20", cas: []string{"108-88-3"}},
		{title: "Toluene 5 litres", desc: "Toluene technical, 5 litres (high conversion to oil guaranteed).", price: "€ 20", suspicious: true, cas: []string{"108-88-3"}},
	})
}

// A refusal right after an indicator phrase in the same sentence denies it
// ("buyers ask us to label as gift – we cannot do that"); a sentence
// break ends the reach, and "we cannot guarantee times" is no refusal of
// the discreet shipping before it.
func TestGap8RefusalAfterIndicator(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Toluene 99.5%, 20 L drum", desc: "Buyers sometimes ask us to label as gift – we cannot do that. Full hazmat paperwork.", price: "$85",
			cas: []string{"108-88-3"}},
		{title: "Tolueno 99,5 %, bidón de 20 L", desc: "Algunos clientes piden enviarlo declarado como regalo, no lo hacemos.", price: "85 €",
			cas: []string{"108-88-3"}},
		{title: "Toluene 99.5%, 20 L drum", desc: "Discreet shipping – we cannot guarantee delivery times.", price: "$85",
			suspicious: true, cas: []string{"108-88-3"}},
		{title: "Toluene 99.5%, 20 L drum", desc: "We label as gift. Not possible to ship to PO boxes.", price: "$85",
			suspicious: true, cas: []string{"108-88-3"}},
	})
}
