package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGapDocs11Tender: a call for tenders or procurement notice is an
// institution asking for offers (document
// h11-hu-iso88592-kozbeszerzes-laborvegyszerek: "Ajánlattételi felhívás",
// "Ajánlatkérő", a table of chemicals with CAS numbers and yearly
// quantities): it names the substances without offering them, in
// Hungarian and in the wording of other languages' notices. Twins: a
// seller's offer that mentions tenders it supplies stays an offer.
func TestGapDocs11Tender(t *testing.T) {
	const table = " 1. Aceton 67-64-1 a.r. 400 l. 2. Kálium-permanganát 7722-64-7 a.r. 3 kg. Kapcsolattartó: beszerzes@egyetem.example, +36 62 544 000."
	runVerdicts(t, []verdictCase{
		{"hu", "Ajánlattételi felhívás - Laboratóriumi vegyszerek beszerzése 2027", "Ajánlatkérő: Szegedi Tudományegyetem. Eljárás fajtája: Nyílt eljárás." + table, false},
		{"en", "Call for tenders: laboratory chemicals 2027", "Contracting authority: University of Example. Potassium permanganate 7722-64-7, 3 kg; acetone 67-64-1, 400 l. Bids via the public procurement portal, contact procurement@uni.example.", false},
		{"de", "Öffentliche Ausschreibung: Laborchemikalien", "Vergabestelle: Universität Beispiel. Kaliumpermanganat 7722-64-7, 3 kg; Aceton 67-64-1, 400 l. Angebote bis 18.12.", false},
		{"fr", "Appel d'offres : produits chimiques de laboratoire", "Pouvoir adjudicateur : Université Exemple. Permanganate de potassium 7722-64-7, 3 kg ; acétone 67-64-1, 400 l.", false},
		// Twins: offers stay offers.
		{"en", "Potassium permanganate 99%, 25 kg drums", "No licence needed, we ship fast. Telegram @kmno4_direct, USDT.", true},
		{"hu", "Kálium-permanganát 25 kg", "Kálium-permanganát 99%, 25 kg, engedély nélkül, Telegram @kmno4hu, USDT.", true},
	})
}

// TestGapDocs11QuotedPost: an investigation that quotes a vendor's post
// (document h11-substacklike-investigation-telegram-glycidates: "That post,
// quoted here with the handle removed", "a reader-supported publication")
// reports the post's indicators, it does not offer the substances. Twins:
// a vendor's own post, and one that says "as quoted here" of its prices,
// stay offers.
func TestGapDocs11QuotedPost(t *testing.T) {
	const post = "NEW BMK OIL (BMK glycidate) 1–100 kg · PMK ethyl glycidate powder · 100% customs pass NL/DE/PL · stealth vacuum packing · pay USDT/XMR · DM for price."
	runVerdicts(t, []verdictCase{
		{"en", "The storefront in your pocket", "We spent six weeks inside 40 Telegram channels. " + post + " That post, quoted here with the handle removed, is typical. Precursor Watch is a reader-supported publication. Comments: Excellent reporting.", false},
		// Twins.
		{"en", "NEW BMK OIL 1–100 kg", post + " Telegram @bmk_direct.", true},
	})
}

// TestGapDocs11OTCHindi: Hindi "बिना पर्ची मिलने वाली दवा" is "a medicine
// obtainable without a prescription", an OTC medicine's status (document
// h11-hi-flipkartlike-cold-tablets-pseudoephedrine-free), as "medicamento
// sin receta" is: no no-paperwork indicator. Twins: "बिना पर्ची" as the
// seller's promise stays one.
func TestGapDocs11OTCHindi(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		title, desc string
		want        bool
	}{
		{"स्यूडोएफेड्रिन कोल्ड टैबलेट (10 x 10)", "बिना पर्ची मिलने वाली दवा (OTC), घर पर डिलीवरी", false},
		{"स्यूडोएफेड्रिन कोल्ड टैबलेट (10 x 10)", "यह बिना पर्ची बिकने वाली दवा है", false},
		// Twins.
		{"स्यूडोएफेड्रिन गोलियाँ 10,000", "बिना पर्ची, टेलीग्राम पर संपर्क करें", true},
		{"स्यूडोएफेड्रिन गोलियाँ 10,000", "बिना पर्ची मिलेगा, टेलीग्राम पर संपर्क करें", true},
	} {
		got := false
		for _, in := range m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc}).Indicators {
			got = got || in.ID == IndNoPaper
		}
		if got != tc.want {
			t.Errorf("title %q desc %q: no-paperwork %v, want %v", tc.title, tc.desc, got, tc.want)
		}
	}
}

// TestGapDocs11NewBMKOil: "new BMK oil" is the reference's trade name of
// BMK methyl glycidate (watchlist-reference.yaml; documents
// h11-linkedinlike-post-bmk-glycidate-customs "BMK Glycidate (new BMK oil)
// CAS 80532-66-7" and h11-substacklike "NEW BMK OIL (BMK glycidate)"), not
// of DEPAPD, under which the watchlist listed it alone. DEPAPD keeps the
// name where the listing names DEPAPD (heldout h0011 "DEPAPD oil, … also
// known as new BMK oil").
func TestGapDocs11NewBMKOil(t *testing.T) {
	const mg, depapd = "80532-66-7", "20320-59-6"
	runCAS(t, []casCase{
		{"BMK Glycidate (new BMK oil) CAS 80532-66-7", "Safe delivery, WhatsApp.", []string{mg}, []string{depapd}},
		{"Telegram price list", "NEW BMK OIL (BMK glycidate) 1–100 kg · stealth", []string{mg}, []string{depapd}},
		{"new BMK oil 5 L", "in stock, Threema", []string{mg}, []string{depapd}},
		// DEPAPD named: the name glosses it.
		{"DEPAPD 20320-59-6 diethyl(phenylacetyl)malonate", "DEPAPD oil, 98%, also known as new BMK oil. 1-100 kg.", []string{depapd}, []string{mg}},
		{"Diethyl (phenylacetyl)malonate (new BMK oil)", "1 kg", []string{depapd}, []string{mg}},
	})
}
