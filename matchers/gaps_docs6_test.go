package matchers

import "testing"

// TestGapDocs6ReportURL: a web address in a page of three or more report
// words (a regulator's guidance quoting warning signs, archived with the
// archive's "The Wayback Machine - https://…" line, document
// h6-wayback-regulator-pseudoephedrine) is how the page cites its source,
// not a seller's contact: the guidance still names the substances without
// offering them. A handle, number or e-mail on such a page still makes an
// offer, as does the same web address in an offer.
func TestGapDocs6ReportURL(t *testing.T) {
	guidance := "Pharmacists should refuse the sale and consider reporting it when a customer asks for several packs. " +
		"Online sellers must apply the same limits. Listings offering pseudoephedrine in bulk should be reported to the Agency. " +
		"Report suspicious requests to the Precursors Unit."
	runVerdicts(t, []verdictCase{
		{"en", "Selling medicines that contain pseudoephedrine", "Guidance\n" + guidance, false},
		{"en", "Selling medicines that contain pseudoephedrine",
			"The Wayback Machine - https://web.archive.example/web/20250312094411/https://www.regulator.example/guidance/pseudoephedrine-sales\nGuidance\n" + guidance, false},
		{"en", "Selling medicines that contain pseudoephedrine", "Guidance\n" + guidance + " Source: https://www.regulator.example/guidance/pseudoephedrine", false},
		// Twins: a contact other than a web address, and a shop's address
		// in an offer.
		{"en", "Selling medicines that contain pseudoephedrine", "Guidance\n" + guidance + " Bulk orders: Telegram @pse_bulk_shop", true},
		{"en", "Pseudoephedrine HCl powder 1 kg", "Bulk pseudoephedrine, 99%, in stock. Order at https://pse-shop.example/buy", true},
	})
}
