package matchers

import "testing"

// TestGapDocs5URLAbbreviation: an ambiguous abbreviation inside a URL (a
// WhatsApp link's query "wa.me/…?text=hi%20solvotrade", a path, a host) is
// part of the address, not a mention of the substance (document
// h5-elementor-whatsapp-mek); the same abbreviation in the offer's text is
// still found, beside a URL too.
func TestGapDocs5URLAbbreviation(t *testing.T) {
	runCAS(t, []casCase{
		{"Methyl Ethyl Ketone (MEK) 20 L drum", "2-Butanone, 99.8%. No licence needed. WhatsApp wa.me/15550100199?text=hi%20solvotrade",
			[]string{"78-93-3"}, []string{"10034-85-2"}},
		{"Toluene 20 L", "Order: https://solvo.example/chat?msg=hi&lang=en or www.solvo.example/hi/contact",
			[]string{"108-88-3"}, []string{"10034-85-2"}},
		{"HI 57% CAS 10034-85-2", "Hydriodic acid 500 ml. WhatsApp wa.me/15550100199?text=hi",
			[]string{"10034-85-2"}, nil},
		{"Reagents", "HI 57% stabilised, 1 L, with red phosphorus. Shop: https://reagents.example/catalog",
			[]string{"10034-85-2"}, nil},
	})
}
