package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH17 holds the cases of the held-out document batch h17's
// reader fixes, each beside a twin that must stay as it is.
func TestHTMLDocumentH17(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		title string   // when set, the document's title
		keep  []string // in the text
		drop  []string // neither in the text nor in the script text
	}{
		{
			name: "a published sheet's sheets, saved display:none and shown by the sheet menu's onclick handlers, are read",
			page: `<html><body><div id="top-bar"><div id="doc-title"><span class="name">Lista precios 11-2026</span></div>
<ul id="sheet-menu"><li id="sheet-button-0" class="active"><a href="#" onclick="switchToSheet('0')">Precios</a></li><li id="sheet-button-77"><a href="#" onclick="switchToSheet('77'); return false;">Envíos</a></li></ul></div>
<div id="sheets-viewport"><div id="0" style="display:none"><table class="waffle"><tr><td>Anhídrido acético 99,5 %</td><td>45 USDT</td></tr></table></div>
<div id="77" style="display:none"><table class="waffle"><tr><td>Península</td><td>sin remitente</td></tr></table></div></div>
<div id="footer">Publicado con Hojas de cálculo</div></body></html>`,
			keep: []string{"Anhídrido acético 99,5 %", "45 USDT", "sin remitente"},
		},
		{
			name: "a hidden block that an onclick handler does not name as its only argument stays hidden",
			page: `<html><body><h1>Acetona 5 L</h1><p>Acetona pura, 5 litros.</p>
<a href="#" onclick="track('buy', 'hidden-1')">Comprar</a><a href="#" onclick="x = 'hidden-2'">Más</a>
<div id="hidden-1" style="display:none">Anhídrido acético 99,5 %</div><div id="hidden-2" style="display:none">Permanganato de potasio</div></body></html>`,
			keep: []string{"Acetona pura, 5 litros."},
			drop: []string{"Anhídrido", "Permanganato"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			if tt.title != "" && d.Title != tt.title {
				t.Errorf("%s: title %q, want %q", tt.name, d.Title, tt.title)
			}
			checkKeptDropped(t, tt.name, d.Text, tt.keep, nil)
			checkKeptDropped(t, tt.name, d.Text+"\n"+d.ScriptText, nil, tt.drop)
		})
	}
}
