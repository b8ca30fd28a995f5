package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH15 holds the cases of the held-out document batch h15's
// reader fixes, each beside a twin that must stay as it is.
func TestHTMLDocumentH15(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		title string // when set, the document's title
		keep  []string
		drop  []string
	}{
		{
			name: "a declarative shadow root is read with its slots filled; a plain template and unslotted children are not",
			page: `<html><body><main><pw-product>
<template shadowrootmode="open"><div class="info"><slot name="title"></slot><p>from €89.00</p>
<pw-accordion><template shadowrootmode="closed"><details open><summary>Description</summary><p>Nitroethane 99.5%, stealth box, BTC only.</p></details></template></pw-accordion>
<slot name="buy"><button>Fallback buy</button></slot><slot></slot></div></template>
<h1 slot="title">Nitroethane 99.5% 1 L</h1><p>Default slot text.</p><span slot="nowhere">Unslotted phosphorus</span></pw-product>
<template id="card"><span>Phenyl-2-nitropropene 100 g</span></template></main></body></html>`,
			title: "Nitroethane 99.5% 1 L",
			keep:  []string{"Nitroethane 99.5% 1 L", "from €89.00", "stealth box, BTC only", "Fallback buy", "Default slot text."},
			drop:  []string{"Phenyl-2-nitropropene", "Unslotted phosphorus"},
		},
		{
			name: "a related shelf of custom-element cards with href inside a shadow root is left out",
			page: `<html><body><main><h1>Nitroethane 1 L</h1><p>Nitroethane 99.5%.</p>
<pw-shelf><template shadowrootmode="open"><h2>You may also like</h2><div class="row"><slot></slot></div></template>
<pw-card href="/p/1"><span slot="name">Benzaldehyde 99% 1 L</span></pw-card><pw-card href="/p/2"><span slot="name">Red phosphorus 100 g</span></pw-card></pw-shelf></main></body></html>`,
			keep: []string{"Nitroethane 99.5%."},
			drop: []string{"Benzaldehyde", "Red phosphorus"},
		},
		{
			name: "soft hyphens are taken out: a hyphenated safety section is found, a hyphenated word reads whole",
			page: "<html><body><main><h1>Ephedrin\u00adhydro\u00adchlorid 100 g</h1><div class=\"descr\"><p>Verkaufe Ephe\u00addrin\u00adhydro\u00adchlorid, Versand neu\u00adtral.</p></div>" +
				"<section><h2>Sic\u00adher\u00adheits\u00adhin\u00adweise</h2><p>Ver\u00adbot\u00adene Artikel: Pseudoephedrin, Safrol dürfen nicht angeboten werden.</p></section></main></body></html>",
			title: "Ephedrinhydrochlorid 100 g",
			keep:  []string{"Verkaufe Ephedrinhydrochlorid, Versand neutral."},
			drop:  []string{"Pseudoephedrin", "Safrol"},
		},
		{
			name: "elements prefixed with the XHTML namespace are HTML: a related block under an x:h2 is left out; another prefix is not renamed",
			page: `<html xmlns="http://www.w3.org/1999/xhtml" xmlns:x="http://www.w3.org/1999/xhtml" xmlns:s="http://schema.org/"><body><div id="contingut">
<x:div class="fitxa"><x:h1>Benzaldehid 99 %</x:h1><x:p>Benzaldehid per a síntesi, 1 L.</x:p><s:note>Lot 2611</s:note></x:div>
<x:div class="rel"><x:h2>Productes relacionats</x:h2><x:ul><x:li><x:a href="/p/1">Àcid fenilacètic 500 g</x:a></x:li><x:li><x:a href="/p/2">Anhídrid acètic 1 L</x:a></x:li></x:ul></x:div></div></body></html>`,
			title: "Benzaldehid 99 %",
			keep:  []string{"Benzaldehid per a síntesi, 1 L.", "Lot 2611"},
			drop:  []string{"fenilacètic", "Anhídrid"},
		},
		{
			name: "an SVG's <text> is read; its title, desc, defs and a sprite's symbols are not",
			page: `<html><body><main><h1>Asid sulfurik 98%</h1><svg role="img"><title>Kad harga</title><desc>Harga ikut saiz</desc>
<defs><text id="t">Defined efedrina</text></defs><symbol id="s"><text>Symbol safrol</text></symbol>
<text x="1" y="1">H<tspan>2</tspan>SO<tspan>4</tspan> · CAS 7664-93-9</text><g><text>Tong 25 L</text><text>RM 185</text></g></svg>
<svg aria-hidden="true"><text>Hidden icon pseudoefedrina</text></svg></main></body></html>`,
			keep: []string{"H2SO4 · CAS 7664-93-9", "Tong 25 L\nRM 185"},
			drop: []string{"Kad harga", "Harga ikut", "efedrina", "safrol", "pseudoefedrina"},
		},
		{
			name: "a footer's notice without a contact is left out; the footer's address and a notice with a phone stay",
			page: `<html><body><main><h1>ヨウ素 25g</h1><p>学校への発送のみ。</p></main>
<footer class="footer"><p class="footer__notice">毒物・劇物（塩酸、硫酸、過マンガン酸カリウム等）は学校・法人様にのみ販売いたします。</p>
<p class="notice">Kami tidak menjual efedrina atau safrol.</p><div id="peu"><p class="avis">Els precursors (anhídrid acètic) només amb declaració segons el Reglament (CE) 273/2004.</p></div>
<p class="notice">Orders of 25 kg: call +60 3 0000 7781.</p><p>Lot 12, Jalan Industri 3, Shah Alam</p></footer></body></html>`,
			keep: []string{"学校への発送のみ。", "Orders of 25 kg: call +60 3 0000 7781.", "Lot 12, Jalan Industri 3"},
			drop: []string{"過マンガン酸カリウム", "efedrina", "anhídrid"},
		},
		{
			name: "an ad open in a modal dialog is the listing, not the results page behind it",
			page: `<html><body><main><h1>Znaleźliśmy ponad 1 000 ogłoszeń</h1><ul><li><a href="/o/1">Aceton 20 l</a> Aceton techniczny</li></ul></main>
<footer><p>Zakazane przedmioty: efedryna, safrol.</p></footer>
<dialog open aria-modal="true"><h1>Toluen czysty 200 l</h1><p>Toluen 99,8%, bez faktury, USDT.</p></dialog></body></html>`,
			title: "Toluen czysty 200 l",
			keep:  []string{"Toluen 99,8%, bez faktury, USDT."},
			drop:  []string{"Znaleźliśmy", "Aceton", "efedryna"},
		},
		{
			name: "an open dialog that is not modal, or a site's modal without a heading of its own, leaves the page as it is",
			page: `<html><body><main><h1>Toluen czysty 200 l</h1><p>Toluen 99,8%, beczka.</p></main>
<dialog open><h1>Newsletter</h1><p>Zapisz się.</p></dialog><div role="dialog" aria-modal="true"><p>Cookies? Akceptuj.</p></div></body></html>`,
			title: "Toluen czysty 200 l",
			keep:  []string{"Toluen 99,8%, beczka."},
		},
		{
			name: "articles appended by infinite scroll, each with its own <h1>, and the separators naming them are left out",
			page: `<html><body><main><article class="materia"><h1>Receita apreende 12 t de anidrido acético</h1><p>A carga seguia para a Bolívia.</p></article>
<div role="separator"><span>Próxima notícia</span><span>PF fecha laboratório com efedrina</span></div>
<article class="materia"><h1>PF fecha laboratório com efedrina</h1><p>300 kg de efedrina e óleo de safrol.</p></article></main></body></html>`,
			title: "Receita apreende 12 t de anidrido acético",
			keep:  []string{"A carga seguia para a Bolívia."},
			drop:  []string{"efedrina", "safrol"},
		},
		{
			name: "posts of a thread, articles without an <h1> of their own, stay",
			page: `<html><body><article><h1>Where to buy acetone?</h1><p>Question text.</p></article>
<article class="post"><p>Answer: hardware stores sell acetone.</p></article><article class="post"><h2>Re: acetone</h2><p>Second answer.</p></article></body></html>`,
			keep: []string{"Question text.", "hardware stores sell acetone", "Second answer."},
		},
		{
			name: "a cache header without an id, found by its links to the cache, is left out; a body block linking elsewhere stays",
			page: `<html><body><div style="background:#fff"><div>Tämä on välimuistissa oleva kopio sivusta. <a href="http://webcache.googleusercontent.example/search?q=cache:x&amp;strip=1">Vain teksti -versio</a>
<div>Nämä hakutermit on korostettu: <b>gbl</b> <b>telegram</b></div></div></div>
<div><a href="https://other.example/">Kotisivu</a> Foorumin ohjeet</div>
<div class="thread"><h1>GBL – laillista?</h1><p>Poika tilasi vanteenpuhdistusainetta.</p></div></body></html>`,
			keep: []string{"Foorumin ohjeet", "Poika tilasi vanteenpuhdistusainetta."},
			drop: []string{"hakutermit", "telegram"},
		},
		{
			name: "a canvas app's semantics nodes: an aria-label-only heading is the title, labels are text, each positioned node a line; controls are not read",
			page: `<html><head><title>Sokoni</title></head><body><flt-semantics-host><flt-semantics style="position: absolute">
<flt-semantics role="button" aria-label="Rudi nyuma" style="position: absolute"></flt-semantics>
<flt-semantics role="heading" aria-level="1" aria-label="Pamanganeti ya potasiamu – kilo 25" style="position: absolute"></flt-semantics>
<flt-semantics aria-label="KSh 18,500" style="position: absolute"></flt-semantics><flt-semantics style="position: absolute"><span>Telegram tu: @kemikali_nbi</span></flt-semantics><flt-semantics aria-label="Hali: Mpya" style="position: absolute"></flt-semantics>
<flt-semantics role="group" style="position: absolute"><flt-semantics role="heading" aria-level="2" aria-label="Vidokezo vya usalama"></flt-semantics><flt-semantics aria-label="Usilipe kabla ya kuona bidhaa. Sokoni hairuhusu matangazo ya efedrini."></flt-semantics></flt-semantics>
<flt-semantics role="link" aria-label="Efedrini HCl gramu 500" style="position: absolute"></flt-semantics></flt-semantics></flt-semantics-host></body></html>`,
			title: "Pamanganeti ya potasiamu – kilo 25",
			keep:  []string{"KSh 18,500\nTelegram tu: @kemikali_nbi\nHali: Mpya"},
			drop:  []string{"Rudi nyuma", "efedrini", "Efedrini"},
		},
		{
			name:  "an element with content keeps it whatever its aria-label says",
			page:  `<html><body><main><h1>Toluene 1 L</h1><div aria-label="Similar ads: ephedrine"><p>Toluene 99.9%, 1 L bottle.</p></div><span aria-label="rating"></span><a href="/x" aria-label="Ephedrine offer"></a></main></body></html>`,
			title: "Toluene 1 L",
			keep:  []string{"Toluene 99.9%, 1 L bottle."},
			drop:  []string{"Similar ads", "rating", "Ephedrine offer"},
		},
		{
			name:  "a heading's permalink glyph is not text; a fragment link with words stays",
			page:  `<html><body><main><h1 id="inv">Inventario de reactivos<a class="anchor-link" href="#inv">¶</a></h1><p>Ver <a href="#tabla">la tabla</a> y <a href="#n">#</a> notas.</p></main></body></html>`,
			title: "Inventario de reactivos",
			keep:  []string{"Ver la tabla y notas."},
			drop:  []string{"¶"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			if tt.title != "" && d.Title != tt.title {
				t.Errorf("%s: title %q, want %q", tt.name, d.Title, tt.title)
			}
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
