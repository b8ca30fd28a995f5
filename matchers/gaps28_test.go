package matchers

import "testing"

// TestGap28MalayAcetylChloride: "asetil klorida" is the Malay and
// Indonesian name of acetyl chloride (heldout28 j0094).
func TestGap28MalayAcetylChloride(t *testing.T) {
	runCAS(t, []casCase{
		{"Asetil klorida 500 mL", "Reagen makmal, gred AR.", []string{"75-36-5"}, nil},
		{"Jual asetil klorida 1 L", "Pro analisis, kirim seluruh Indonesia.", []string{"75-36-5"}, nil},
		{"Bahan kimia: asetil klorida, 2.5 L", "Untuk makmal sekolah.", []string{"75-36-5"}, nil},
	})
}
