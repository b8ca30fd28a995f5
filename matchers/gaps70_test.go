package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap70IndicFold checks that the Indic scripts fold to Devanagari with
// vowel length folded: a loan word spelled in Gujarati, Telugu, Kannada,
// Bengali, Odia, Punjabi or Marathi normalises as the Hindi spelling
// (heldout70 yn0039, yn0065), Malayalam chillu letters as their
// consonants, and a word of another meaning stays apart.
func TestGap70IndicFold(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"टेलीग्राम", "टेलिग्राम", true},  // Hindi, Marathi
		{"टेलीग्राम", "ટેલિગ્રામ", true},  // Gujarati
		{"टेलीग्राम", "టెలిగ్రామ్", true}, // Telugu
		{"टेलीग्राम", "ಟೆಲಿಗ್ರಾಮ್", true}, // Kannada
		{"टेलीग्राम", "টেলিগ্রাম", true},  // Bengali
		{"टेलीग्राम", "ଟେଲିଗ୍ରାମ", true},  // Odia
		{"टेलीग्राम", "ਟੈਲੀਗ੍ਰਾਮ", true},  // Punjabi
		{"सूडोएफेड्रिन", "సూడోఎఫెడ్రిన్", true},
		{"किलो", "કિલો", true},
		{"൧൨३", "123", true}, // digits of any script
		{"ലൽ", "ലല്", true},  // chillu l and l with virama
		{"टेलीग्राम", "टेलीफोन", false},
		{"किलो", "केला", false},
	} {
		a, b := Normalize(tc.a).String(), Normalize(tc.b).String()
		if (a == b) != tc.same {
			t.Errorf("Normalize(%q) = %q, Normalize(%q) = %q: same %v, want %v", tc.a, a, tc.b, b, a == b, tc.same)
		}
	}
}

// TestGap70Indic covers the Indic listings of held-out 70: a quantity in a
// local unit word with vowel signs ("૨૦૦ કિલો", "5 కిలోలు", yn0044,
// yn0074), Telegram, secret packing and "no documents" in Malayalam and
// Marathi (yn0062, yn0065), each with its innocent twin, and the Punjabi
// seizure report that a stated quantity no longer clears on its own
// (heldout49 zr0099).
func TestGap70Indic(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"gu", "એસિટિક એનહાઇડ્રાઇડ ૨૦ કિલો", "CAS ૧૦૮-૨૪-૭.", true},
		{"gu", "પોલીસે ૨૦ કિલો એસિટિક એનહાઇડ્રાઇડ જપ્ત કર્યું", "CAS ૧૦૮-૨૪-૭. તપાસ ચાલુ છે.", false},
		{"te", "సూడోఎఫెడ్రిన్ HCl 5 కిలోలు", "CAS ౩౪౫-౭౮-౮.", true},
		{"kn", "ಸೂಡೋಎಫೆಡ್ರಿನ್ ಪುಡಿ 2 ಕೆಜಿ", "CAS ೩೪೫-೭೮-೮.", true},
		{"ml", "റെഡ് ഫോസ്ഫറസ് ൧ കിലോ", "CAS ൭൭൨൩-൧൪-൦. രഹസ്യ പാക്കിംഗ്.", true},
		{"ml", "റെഡ് ഫോസ്ഫറസ് ൧ കിലോ", "CAS ൭൭൨൩-൧൪-൦. ടെലിഗ്രാം @kl_rp", true},
		{"ml", "റെഡ് ഫോസ്ഫറസ് ൧ കിലോ", "CAS ൭൭൨൩-൧൪-൦. ലാബ് ഗ്രേഡ്, ജിഎസ്ടി ബിൽ.", false},
		{"mr", "मिथाइल इथाइल कीटोन (MEK) — १८० किलो ड्रम", "CAS ७८-९३-३. कोणतेही कागदपत्र लागणार नाहीत.", true},
		{"mr", "मिथाइल इथाइल कीटोन (MEK) — १८० किलो ड्रम", "CAS ७८-९३-३. टेलिग्राम: @mek_pune", true},
		{"gu", "મિથાઇલ ઇથાઇલ કીટોન (MEK) ૧૮૦ કિલો", "CAS ૭૮-૯૩-૩. ટેલિગ્રામ: @mek_surat", true},
		{"mr", "मिथाइल इथाइल कीटोन (MEK) — १८० किलो ड्रम", "CAS ७८-९३-३. GST बिल आणि कागदपत्रे दिली जातील.", false},
		{"pa", "ਪੁਲਿਸ ਨੇ 20 ਕਿਲੋ ਐਸੀਟਿਕ ਐਨਹਾਈਡ੍ਰਾਈਡ ਫੜਿਆ", "ਅੰਮ੍ਰਿਤਸਰ ਪੁਲਿਸ ਅਨੁਸਾਰ ਇਹ ਸਰਹੱਦ ਪਾਰ ਭੇਜਿਆ ਜਾਣਾ ਸੀ।", false},
	})
}

// TestGap70IndicNames: the Hindi pharmacy spelling of pseudoephedrine
// (heldout70 yn0039), and ANPP and 4-AP in Hindi news after "precursor"
// (yn0034): named, not offered.
func TestGap70IndicNames(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		title, desc string
		want        []string
		susp        bool
	}{
		{"सूडोएफेड्रिन + सेट्रिज़िन टैबलेट — १० की पट्टी", "सूडोएफेड्रिन ६० मि.ग्रा. सर्दी-जुकाम के लिए। पर्चे के अनुसार लें।", []string{"pseudoephedrine"}, false},
		{"DRI ने फेंटानिल प्रीकर्सर ANPP और 4-AP की खेप जब्त की", "राजस्व खुफिया निदेशालय ने २५ किलो 4-AP और १२ किलो ANPP जब्त किया।", []string{"anpp", "4-ap"}, false},
		{"4-AP और ANPP: नई फिल्म की समीक्षा", "निर्देशक ने कहा कि कहानी सच्ची है।", nil, false},
	} {
		res := m.Match(&precwatch.Listing{ID: "g", Title: tc.title, Description: tc.desc})
		var got []string
		for _, s := range res.Substances {
			got = append(got, s.ID)
		}
		slices.Sort(got)
		want := slices.Clone(tc.want)
		slices.Sort(want)
		if !slices.Equal(got, want) || res.Suspicious != tc.susp {
			t.Errorf("%q: substances %v suspicious %v, want %v %v; explain %q", tc.title, got, res.Suspicious, want, tc.susp, res.Explain)
		}
	}
}

// TestGap70GlycidateApart: PMK's ethyl glycidate with the ester and the
// glycidate written apart in Persian (heldout70 yn0064) is that entry
// alone, not PMK as well; PMK oil alone stays PMK.
func TestGap70GlycidateApart(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		title string
		want  []string
	}{
		{"روغن PMK اتیل گلیسیدات", []string{"pmk-ethyl-glycidate"}},
		{"BMK متیل گلیسیدات ۱ کیلو", []string{"bmk-methyl-glycidate"}},
		{"روغن PMK", []string{"pmk"}},
	} {
		res := m.Match(&precwatch.Listing{ID: "g", Title: tc.title})
		var got []string
		for _, s := range res.Substances {
			got = append(got, s.ID)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%q: substances %v, want %v", tc.title, got, tc.want)
		}
	}
}

// TestGap70SpelledHyphen: a CAS number spelled out with the hyphens as
// words after the keyword (heldout70 yn0030); a wrong check digit, no
// keyword or a word that only starts like "dash" give none.
func TestGap70SpelledHyphen(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"sodium salt - cas five four four nine dash one two dash seven", []string{"5449-12-7"}},
		{"cas: one zero three hyphen seven nine hyphen seven", []string{"103-79-7"}},
		{"cas five four four nine dash one two dash six", nil},
		{"five four four nine dash one two dash seven", nil},
		{"cas five four four nine dashboard one two dashboard seven", nil},
	} {
		var got []string
		for _, c := range FindCAS(Normalize(tc.text).Norm) {
			got = append(got, c.CAS)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("FindCAS(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestGap70IndicOffers: Table I names, sale and price words, bitcoin and
// Telegram across the Indic scripts (the probe of the round after
// heldout70), each with its innocent twin: a Table II solvent with a price
// and no indicator, a seizure report, a retail pack.
func TestGap70IndicOffers(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"te", "ఎసిటిక్ అన్హైడ్రైడ్", "అమ్మకానికి. ధర ₹౯౦.", true},
		{"kn", "ಅಸಿಟಿಕ್ ಅನ್ಹೈಡ್ರೈಡ್", "ಮಾರಾಟಕ್ಕೆ ಲಭ್ಯವಿದೆ.", true},
		{"ml", "അസറ്റിക് അൻഹൈഡ്രൈഡ്", "വിൽപ്പനയ്ക്ക്. വില ₹൯൦.", true},
		{"bn", "অ্যাসিটিক অ্যানহাইড্রাইড", "বিক্রি হবে। দাম ৯০ টাকা।", true},
		{"ta", "அசிட்டிக் அன்ஹைட்ரைடு", "விற்பனைக்கு. விலை ₹௯௦.", true},
		{"te", "పొటాషియం పర్మాంగనేట్ 5 కిలోలు", "అమ్మకానికి.", true},
		{"te", "టోలుయీన్ 200 లీటర్లు", "బిట్‌కాయిన్ మాత్రమే.", true},
		{"te", "టోలుయీన్ 200 లీటర్లు", "అమ్మకానికి. ధర ₹౯౦/లీటరు. జీఎస్టీ బిల్లు.", false},
		{"pa", "ਟੋਲੂਈਨ 200 ਲੀਟਰ", "ਟੈਲੀਗ੍ਰਾਮ @tol_pb", true},
		{"gu", "ટોલ્યુઇન ૨૦૦ લિટર", "વોટ્સએપ કરો.", true},
		{"te", "టోలుయీన్ 200 లీటర్లు", "వాట్సాప్ చేయండి.", true},
		{"ml", "ടോലുയിൻ 200 ലിറ്റർ", "വാട്സ്ആപ്പ് ചെയ്യൂ.", true},
		{"pa", "ਟੋਲੂਈਨ 200 ਲੀਟਰ", "ਵਿਕਰੀ ਲਈ ਉਪਲਬਧ. ਕੀਮਤ ₹੯੦.", false},
		{"or", "ଟୋଲୁଇନ 200 ଲିଟର", "ଟେଲିଗ୍ରାମ @tol_or", true},
		{"ml", "ടോലുയിൻ 200 ലിറ്റർ", "വില ₹൯൦. ജിഎസ്ടി ബിൽ ലഭ്യമാണ്.", false},
		{"te", "పోలీసులు 200 కిలోల ఎసిటిక్ అన్హైడ్రైడ్ స్వాధీనం", "హైదరాబాద్‌లో ఒక గోదాములో దొరికింది.", false},
		{"hi", "सूडोएफेड्रिन 60 मि.ग्रा. टैबलेट — 10 की पट्टी", "दाम ₹78. पर्चे के अनुसार लें।", false},
	})
}
