package matchers

import "testing"

// TestGap50MDP2PHyphen: "3,4-MD-P2P", PMK written as "methylenedioxy" +
// "P2P" with a hyphen between (heldout50 zs0075), names PMK, not P-2-P:
// the P2P inside it is part of the longer name. Bare "P2P" beside chemical
// context stays P-2-P.
func TestGap50MDP2PHyphen(t *testing.T) {
	runCAS(t, []casCase{
		{"P M K oil 99% – 3,4-MD-P2P", "Stealth worldwide, Wickr only.", []string{"4676-39-5"}, []string{"103-79-7"}},
		{"MD-P2P 1 kg", "In stock.", []string{"4676-39-5"}, []string{"103-79-7"}},
		{"P2P oil 1 l, 99%", "Phenylacetone, in stock.", []string{"103-79-7"}, []string{"4676-39-5"}},
	})
}
