package matchers

import "testing"

// TestGap86aNamesInScript: the names of Table I and II chemicals as
// Punjabi (Gurmukhi), Marathi, Burmese, Telugu and Gujarati sellers and
// news write them (heldout86 xx0132, xx0152, xx0064, xx0010, xx0050,
// xx0142, xx0086). Twins: the same scripts around a look-alike word that
// names nothing.
func TestGap86aNamesInScript(t *testing.T) {
	runCAS(t, []casCase{
		{"ਜ਼ੁਕਾਮ ਦੀਆਂ ਗੋਲੀਆਂ (ਸੂਡੋਐਫ਼ੇਡਰੀਨ)", "", []string{"90-82-4"}, nil},
		{"ਪੋਟਾਸ਼ੀਅਮ ਪਰਮੈਂਗਨੇਟ 1 ਕਿਲੋ", "", []string{"7722-64-7"}, nil},
		{"ਮਿਥਾਈਲਾਮੀਨ 40% ਘੋਲ 25 ਲੀਟਰ", "", []string{"74-89-5"}, nil},
		{"सल्फ्युरिक ॲसिड ५० किलो", "गंधकाम्ल बॅटरी दुकानांसाठी.", []string{"7664-93-9"}, nil},
		{"कारखान्यावर छापा", "त्यात ॲसिटोन आणि हायड्रोक्लोरिक ॲसिड होते.", []string{"67-64-1", "7647-01-0"}, nil},
		{"ပိုတက်စီယမ် ပါမန်ဂနိတ် ၁ ကီလို", "", []string{"7722-64-7"}, nil},
		// The Telugu name beside "MEK" is the substance, and MEK's context.
		{"మిథైల్ ఇథైల్ కీటోన్ (MEK) 200 లీ డ్రమ్", "", []string{"78-93-3"}, nil},
		// "BMK methyl glycidate" in Gujarati is one name: no BMK of its own.
		{"BMK મિથાઇલ ગ્લાયસિડેટ 10 કિલો", "", []string{"80532-66-7"}, []string{"103-79-7"}},
		// Twins.
		{"ਪੋਟਾਸ਼ੀਅਮ ਦੀ ਕਮੀ", "ਖਾਦ 1 ਕਿਲੋ", nil, []string{"7722-64-7"}},
		{"MEK 200 లీ డ్రమ్", "", nil, []string{"78-93-3"}},
		{"BMK 10 કિલો તેલ", "BMK oil", []string{"103-79-7"}, nil},
	})
}

// TestGap86aToneMarkedWord: an ambiguous abbreviation found in a lower-case
// word with tone or length marks is that word of the language (Yoruba
// "ẹrù náà", heldout86 xx0150), not the abbreviation even beside another
// chemical. Twins: the abbreviation in capitals beside a chemical, and
// with its own context.
func TestGap86aToneMarkedWord(t *testing.T) {
	runCAS(t, []casCase{
		{"NDLEA gba 100kg pseudoephedrine ní Apapa", "Àwọn aláṣẹ sọ pé ẹrù náà ni a kọ sí gẹ́gẹ́ bí 'ohun ìṣaralóge'.", []string{"90-82-4"}, []string{"89-52-1"}},
		{"Pseudoephedrine 1 kg", "ẹrù náà wà ní Lagos", []string{"90-82-4"}, []string{"89-52-1"}},
		// Twins.
		{"Pseudoephedrine 1 kg, NAA 1 kg", "", []string{"90-82-4", "89-52-1"}, nil},
		{"NAA powder 1 kg", "methaqualone precursor", []string{"89-52-1"}, nil},
	})
}

// TestGap86aIndicatorsInScript: no documents, no questions asked, discreet
// packing and the Signal app in Tamil and Gurmukhi (heldout86 xx0055,
// xx0083). Twins: the same chemicals offered plainly.
func TestGap86aIndicatorsInScript(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ta", "சல்பூரிக் அமிலம் 98% – 35 கிலோ கேன்", "சல்பூரிக் அமிலம் பேட்டரி கடைகளுக்கு. ஆவணம் இல்லாமல் அனுப்புவோம், கேள்வி கேட்க மாட்டோம்.", true},
		{"pa", "ਮਿਥਾਈਲਾਮੀਨ 40% ਘੋਲ 25 ਲੀਟਰ", "ਮਿਥਾਈਲਾਮੀਨ (Methylamine) ਘੋਲ, ਡਿਸਕ੍ਰੀਟ ਪੈਕਿੰਗ, ਸਿਗਨਲ ਐਪ ਤੇ ਸੰਪਰਕ।", true},
		// Twins.
		{"ta", "சல்பூரிக் அமிலம் 98% – 35 கிலோ கேன்", "சல்பூரிக் அமிலம் பேட்டரி கடைகளுக்கு. GST பில் உடன்.", false},
		{"pa", "ਮਿਥਾਈਲਾਮੀਨ 40% ਘੋਲ 25 ਲੀਟਰ", "ਮਿਥਾਈਲਾਮੀਨ (Methylamine) ਘੋਲ, ਲੈਬ ਲਈ।", false},
	})
}
