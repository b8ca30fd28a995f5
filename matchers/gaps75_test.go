package matchers

import "testing"

// TestGap75PetFood: PMK, BMK and MEK are also pet-food brands ("PMK
// Hundefutter 15 kg", heldout75 yi0217); dog, cat and pet food words in the
// main languages block the ambiguous abbreviation. Twins: the bare
// chemical offer with a quantity, and the oil.
func TestGap75PetFood(t *testing.T) {
	runCAS(t, []casCase{
		{"PMK Hundefutter 15 kg", "PMK Premium Mix Kibble für große Hunde, 15 kg Sack.", nil, []string{"4676-39-5"}},
		{"PMK dog food 15 kg", "", nil, []string{"4676-39-5"}},
		{"BMK Katzenfutter 10 kg", "", nil, []string{"103-79-7"}},
		{"PMK croquettes pour chien 15 kg", "", nil, []string{"4676-39-5"}},
		{"PMK karma dla psa 15 kg", "", nil, []string{"4676-39-5"}},
		{"PMK корм для собак 15 кг", "", nil, []string{"4676-39-5"}},
		{"BMK pienso para perros 15 kg", "", nil, []string{"103-79-7"}},
		{"PMK köpek maması 15 kg", "", nil, []string{"4676-39-5"}},
		{"PMK 狗粮 15 kg", "", nil, []string{"4676-39-5"}},
		{"MEK hondenvoer 15 kg", "", nil, []string{"78-93-3"}},
		// Twins.
		{"PMK 15 kg", "", []string{"4676-39-5"}, nil},
		{"BMK 15 kg", "", []string{"103-79-7"}, nil},
		{"PMK oil 5 L, Telegram", "", []string{"4676-39-5"}, nil},
	})
}
