package matchers

import "testing"

// TestGapDocs17FrenchNegatedSale: a help article's "nous n'en vendons
// aucun (pas d'éphédrine, de safrole ni de P2P)" and "nous ne vendons plus
// d'anhydride acétique ni de permanganate de potassium" (document
// h17-fr-zendesk-helpcenter-declaration-utilisateur-final) deny the sale
// of every name they list, as "nous ne vendons pas" does. Before, the five
// were read as offered. Twins: the shop's "nous vendons" and a list in
// stock stay offered.
func TestGapDocs17FrenchNegatedSale(t *testing.T) {
	runCAS(t, []casCase{
		{"Déclaration d'utilisateur final", "Catégorie 1 : nous n'en vendons aucun (pas d'éphédrine, de safrole ni de P2P). Inutile de nous en demander.",
			nil, []string{"299-42-3", "94-59-7", "103-79-7"}},
		{"Déclaration d'utilisateur final", "Catégorie 2 : nous ne vendons plus d'anhydride acétique ni de permanganate de potassium depuis janvier 2025.",
			nil, []string{"108-24-7", "7722-64-7"}},
		// Twins.
		{"Réactifs", "Nous vendons de l'anhydride acétique et du permanganate de potassium, livraison en 48 h.",
			[]string{"108-24-7", "7722-64-7"}, nil},
		{"Réactifs", "En stock : éphédrine, safrole et P2P.", []string{"299-42-3", "94-59-7", "103-79-7"}, nil},
	})
}
