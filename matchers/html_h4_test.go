package matchers_test

import (
	"strings"
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH4 holds the cases of the held-out batch h4's fixes:
// text outside the listing that the reader read (a hidden "report this ad"
// dialog, the seller's other products, a community-rules sidebar, an
// inline "Read more" link), each beside a twin that must stay.
func TestHTMLDocumentH4(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "a hidden report-this-ad dialog is left out",
			page: `<html><body><main><h1>Acide chlorhydrique 33 %</h1><p>Pour la piscine.</p></main>
<div role="dialog" aria-modal="true" aria-hidden="true" class="styles_ReportModal__t0Rq9" style="display:none"><h2>Signaler l'annonce</h2><p>Produits interdits : éphédrine, anhydride acétique.</p></div></body></html>`,
			keep: []string{"Acide chlorhydrique 33 %", "Pour la piscine."},
			drop: []string{"éphédrine", "Signaler"},
		},
		{
			name: "a hidden dialog named only by its heading or its data attribute is left out",
			page: `<html><body><h1>Aceton 5 l</h1><p>Reinigung.</p>
<div class="modal fade" id="m1" style="display:none"><div class="modal-header"><h3>Anzeige melden</h3></div><p>Verboten: Ephedrin.</p></div>
<div class="x7" role="dialog" hidden data-qa="report_modal"><p>Prohibited: safrole.</p></div>
<dialog class="c9"><h2>Log in</h2><p>Members see BMK prices.</p></dialog>
<div role="alertdialog" aria-label="Report this listing" style="display:none"><p>Prohibited: PMK.</p></div></body></html>`,
			keep: []string{"Aceton 5 l", "Reinigung."},
			drop: []string{"Ephedrin", "safrole", "BMK", "PMK", "melden"},
		},
		{
			name: "a hidden dialog with the seller's contacts is kept, and an open <dialog> too",
			page: `<html><body><h1>Methylamine 40% 1 L</h1><button data-target="#phone">Show phone</button>
<div class="modal" id="phone" style="display:none"><h3>Contact the seller</h3><p>WhatsApp +44 7700 900123</p></div>
<div role="dialog" aria-hidden="true"><h2>Shipping</h2><p>Stealth packing, customs pass.</p></div>
<dialog><p>Wickr: mmshop</p></dialog><dialog open><p>Threema: ABCD1234</p></dialog></body></html>`,
			keep: []string{"WhatsApp +44 7700 900123", "Stealth packing, customs pass.", "Wickr: mmshop", "Threema: ABCD1234"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			for _, k := range tt.keep {
				if !strings.Contains(d.Text, k) {
					t.Errorf("%s: text lost %q; text:\n%s", tt.name, k, d.Text)
				}
			}
			for _, k := range tt.drop {
				if strings.Contains(d.Text, k) {
					t.Errorf("%s: text keeps %q; text:\n%s", tt.name, k, d.Text)
				}
			}
		})
	}
}
