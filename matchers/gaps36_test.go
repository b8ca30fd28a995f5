package matchers

import "testing"

// TestGap36SpacingMark: a name glued after an Indic spacing vowel sign (Mc)
// starts inside a word ("সিউডো|এফেড্রিন", heldout36 ze0064): "सूडोएफेड्रिन",
// an unlisted spelling of pseudoephedrine, names no ephedrine.
func TestGap36SpacingMark(t *testing.T) {
	runCAS(t, []casCase{
		{"सूडोएफेड्रिन टैबलेट", "60 मि.ग्रा.", nil, []string{"299-42-3"}},
		{"एफेड्रिन पाउडर", "100 ग्राम", []string{"299-42-3"}, nil},
	})
}

// TestGap36Tatweel: the Arabic tatweel (kashida) stretches a word without
// changing it ("الفـــوسفور الأحـــمر", heldout36 ze0178); a word with
// tatweel that is no watched name stays none.
func TestGap36Tatweel(t *testing.T) {
	if got, want := Normalize("الفـــوسفور").String(), Normalize("الفوسفور").String(); got != want {
		t.Errorf("Normalize with tatweel = %q, want %q", got, want)
	}
	runCAS(t, []casCase{
		{"الفـــوسفور الأحـــمر 1 كغ", "نقي.", []string{"7723-14-0"}, nil},
		{"فوسفـــات الأمونيوم 25 كغ", "سماد.", nil, []string{"7723-14-0"}},
	})
}

// TestGap36SplitSyllables: a name cut into syllables, by hyphens in
// Devanagari ("ए-फे-ड्रि-न", heldout36 ze0021; the vowel sign "ि" before a
// hyphen is part of its letter) or by spaces in Thai, which writes words
// without spaces ("อี เฟ ด รีน", ze0139), is the name; hyphenated or
// spaced words that make no name stay none.
func TestGap36SplitSyllables(t *testing.T) {
	runCAS(t, []casCase{
		{"ए-फे-ड्रि-न पाउडर 1 किलो", "शुद्ध।", []string{"299-42-3"}, nil},
		{"ए-वन क्वालिटी चा-य पत्ती", "1 किलो।", nil, []string{"299-42-3"}},
		{"อี เฟ ด รีน ผง 100 กรัม", "ของแท้", []string{"299-42-3"}, nil},
		{"ขาย ผ้า ไหม ไทย แท้", "ราคา ถูก ส่ง ฟรี", nil, []string{"299-42-3"}},
	})
}
