package matchers

import "testing"

// TestGap83Book: a German non-fiction book or audiobook about smuggling
// ("Sachbuch: Crystal Meth in Tschechien", heldout83 ya0038) is a product
// that is not the substance. Twin: the substance itself.
func TestGap83Book(t *testing.T) {
	runSusp75(t, []susp75Case{
		{"Sachbuch: Crystal Meth in Tschechien", "Reportage über Pseudoephedrin-Schmuggel aus Polen.", false},
		{"Hörbuch: Die Crystal-Route", "Über Pseudoephedrin-Schmuggel, 6 CDs.", false},
		// Twin.
		{"Pseudoephedrin 1 kg", "Versand diskret, Telegram.", true},
	})
}
