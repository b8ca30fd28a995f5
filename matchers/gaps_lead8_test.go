package matchers

import "testing"

// TestGapLead8UrduHindiWholesale: the English loan "wholesale" written in
// Urdu or Devanagari letters ("ہول سیل", "होलसेल") is a wholesale word, so
// pseudoephedrine tablets sold that way are a bulk offer (heldout23 x0029,
// read as a retail pack once Urdu tablet words were known); one pack
// stays retail.
func TestGapLead8UrduHindiWholesale(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ur", "سوڈوایفیڈرین گولیاں ہول سیل", "سوڈوایفیڈرین 60 ملی گرام گولیاں، ہول سیل ریٹ پر دستیاب۔", true},
		{"hi", "स्यूडोएफेड्रिन टैबलेट होलसेल", "स्यूडोएफेड्रिन 60 mg टैबलेट, होलसेल रेट पर उपलब्ध।", true},
		{"tl", "Pseudoephedrine tableta pakyawan", "Pseudoephedrine 60 mg tableta, pakyawan na presyo.", true},
		{"ur", "سوڈوایفیڈرین گولیاں", "سوڈوایفیڈرین 60 ملی گرام، ایک پیک، نسخہ ضروری۔", false},
	})
}
