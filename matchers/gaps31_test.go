package matchers

import "testing"

// TestGap31SpacedLongerName: a longer compound's name written with a space
// inside one of its words names the longer compound only, not the shorter
// name its tail spells: "fenil acetona" (es, pt) and "fenil acetone" (it)
// are phenylacetone, not acetone (heldout31 o0038); "3,4 methylenedioxy
// phenyl 2 propanone" is PMK, not P-2-P (o0175); "iso safrole" is
// isosafrole. Two words that make no longer name stay apart.
func TestGap31SpacedLongerName(t *testing.T) {
	runCAS(t, []casCase{
		{"fenilacetona P2P 5 litros", "fenil acetona (1-fenil-2-propanona) 5 L, alta pureza. whatsapp", []string{"103-79-7"}, []string{"67-64-1"}},
		{"Fenil acetona 5 L", "Alta pureza, envío a todo el país.", []string{"103-79-7"}, []string{"67-64-1"}},
		{"Fenil acetone 1 L", "Purezza 99%.", []string{"103-79-7"}, []string{"67-64-1"}},
		{"MDP2P 500ml", "mdp2p, 3,4 methylenedioxy phenyl 2 propanone, lab grade, stored cold. only serious buyers", []string{"4676-39-5"}, []string{"103-79-7"}},
		{"3,4 methylenedioxy phenyl 2 propanone 1 L", "Lab grade.", []string{"4676-39-5"}, []string{"103-79-7", "67-64-1"}},
		{"Iso safrole 1 L", "99%, lab grade.", []string{"120-58-1"}, []string{"94-59-7"}},
		// Names the plain scan finds stay as they were.
		{"Phenyl acetone 1 L", "99%.", []string{"103-79-7"}, []string{"67-64-1"}},
		{"Acetona pura 1 L", "Alcohol acetona, 5 L.", []string{"67-64-1"}, nil},
		{"Safrole oil 1 L", "Sassafras safrole 99%.", []string{"94-59-7"}, []string{"120-58-1"}},
	})
}
