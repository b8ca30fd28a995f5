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
		{
			name: "an open quick-view modal labelled by the name of an item of the grid behind it is the listing; the grid and footer are not",
			page: `<html><head><title>Odczynniki – sklep</title></head><body class="modal-open"><main><h1>Odczynniki</h1><div class="grid">
<div class="card"><h2><a href="/p/aceton">Aceton techniczny 5 l</a></h2></div><div class="card"><h2><a href="/p/jod">Jod krystaliczny resublimowany</a></h2></div></div></main>
<footer><p>Nie sprzedajemy prekursorów kategorii 1 (efedryna, safrol).</p></footer>
<div class="modal fade show" id="quickview" role="dialog" aria-modal="true" aria-labelledby="qv-title" style="display:block"><div class="modal-dialog"><div class="modal-content">
<div class="modal-header"><h2 class="modal-title" id="qv-title">Jod krystaliczny resublimowany 99,8%</h2></div>
<div class="modal-body"><p>Wysyłka dyskretna, bez pytań.</p></div></div></div></div><div class="modal-backdrop fade show"></div></body></html>`,
			title: "Jod krystaliczny resublimowany 99,8%",
			keep:  []string{"Wysyłka dyskretna, bez pytań."},
			drop:  []string{"Aceton", "efedryna", "Odczynniki"},
		},
		{
			name: "an open modal whose heading names no item of the page (an age check) leaves the page as it is",
			page: `<html><head><title>Odczynniki – sklep</title></head><body class="modal-open"><main><h1>Odczynniki</h1><div class="grid">
<div class="card"><h2><a href="/p/aceton">Aceton techniczny 5 l</a></h2></div><div class="card"><h2><a href="/p/jod">Jod krystaliczny resublimowany</a></h2></div></div></main>
<div class="modal fade show" id="age" role="dialog" aria-modal="true" aria-labelledby="age-title" style="display:block"><div class="modal-dialog"><div class="modal-content">
<div class="modal-header"><h2 class="modal-title" id="age-title">Czy masz ukończone 18 lat?</h2></div>
<div class="modal-body"><p>Tak / Nie</p></div></div></div></div></body></html>`,
			title: "Odczynniki",
			keep:  []string{"Aceton techniczny 5 l", "Jod krystaliczny resublimowany"},
		},
		{
			name: "a wiki's site notice outside the <main> is the site's banner, not the talk page",
			page: `<html><body><div class="mw-page-container"><div class="vector-sitenotice-container"><div id="siteNotice"><div class="sitenotice"><p>Идёт марафон статей о реактивах: ацетон, толуол, эфедрин — выберите статью!</p></div></div></div>
<main id="content" class="mw-body"><h1 id="firstHeading">Обсуждение:Сафрол</h1><div class="mw-body-content"><p>Источник про сассафрасовое масло: это не АИ.</p></div></main></div></body></html>`,
			title: "Обсуждение:Сафрол",
			keep:  []string{"Источник про сассафрасовое масло"},
			drop:  []string{"ацетон", "эфедрин"},
		},
		{
			name: "a block named notice inside the <main> stays (the seller's own notice)",
			page: `<html><body><main><h1>Ацетон 20 л</h1><div class="sitenotice"><p>Ацетон и толуол в наличии, без документов.</p></div></main></body></html>`,
			keep: []string{"Ацетон и толуол в наличии, без документов."},
		},
		{
			name: "a footer's line on the site's rules or liability is left out",
			page: `<html><body><main><h1>Acido solforico 37%, 4 taniche</h1><p>Vendo 4 taniche, solo ritiro a mano.</p></main>
<footer><p><a href="/regole/">Regole di pubblicazione</a>: è vietato vendere farmaci, precursori di droghe (efedrina, anidride acetica).</p>
<div><h5>Compliance</h5><p>We do not sell to residential addresses. Some products (iodine, red phosphorus) are List I chemicals.</p></div>
<p class="unimportant">All trademarks and copyrights on this page are owned by their respective parties. Images uploaded are the responsibility of the Poster.</p>
<p>Nie sprzedajemy prekursorów kategorii 1 (efedryna, safrol).</p></footer></body></html>`,
			keep: []string{"Vendo 4 taniche, solo ritiro a mano."},
			drop: []string{"efedrina", "iodine", "Poster", "safrol"},
		},
		{
			name: "a footer's line with a contact, a footer line without a rule and the offer's own rule stay",
			page: `<html><body><main><h1>Acetone 20 L</h1><p>Acetone 20 L. Resale to private persons is prohibited.</p></main>
<footer><p>We do not sell to residential addresses; orders of acetone and toluene by Telegram @labshop.</p>
<p>Toluene and acetone from stock, shipped next day.</p></footer></body></html>`,
			keep: []string{"Resale to private persons is prohibited.", "Telegram @labshop", "Toluene and acetone from stock"},
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
