package matchers

import "testing"

// TestGap42GermanicEsterSpaced: the ester of a glycidate written as a word
// of its own in Dutch, German and the Nordic spellings ("PMK methyl
// glycidaat", heldout42 zk0080) names the ester alone, not also PMK or BMK,
// as "PMK methyl glycidate" does in English.
func TestGap42GermanicEsterSpaced(t *testing.T) {
	const pmk, pmkMe, pmkEt = "4676-39-5", "13605-48-6", "28578-16-7"
	const bmk, bmkMe, bmkEt = "103-79-7", "80532-66-7", "41232-97-7"
	runCAS(t, []casCase{
		{"PMK glycidaat op voorraad", "PMK methyl glycidaat, levering NL/BE.", []string{pmkMe}, []string{pmk}},
		{"PMK ethyl glycidaat 1 kg", "", []string{pmkEt}, []string{pmk}},
		{"BMK methyl glycidaat 1 kg", "", []string{bmkMe}, []string{bmk}},
		{"BMK ethyl glycidaat 1 kg", "", []string{bmkEt}, []string{bmk}},
		{"PMK Methyl Glycidat 1 kg", "", []string{pmkMe}, []string{pmk}},
		{"PMK Ethyl Glycidat 1 kg", "", []string{pmkEt}, []string{pmk}},
		{"BMK Methyl Glycidat 1 kg", "", []string{bmkMe}, []string{bmk}},
		{"BMK Ethyl Glycidat 1 kg", "", []string{bmkEt}, []string{bmk}},
		{"PMK metyl glycidat 1 kg", "", []string{pmkMe}, []string{pmk}},
		{"PMK etyl glycidat 1 kg", "", []string{pmkEt}, []string{pmk}},
		{"BMK metyl glycidat 1 kg", "", []string{bmkMe}, []string{bmk}},
		{"BMK etyl glycidat 1 kg", "", []string{bmkEt}, []string{bmk}},
	})
}
