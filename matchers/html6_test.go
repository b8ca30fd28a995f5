package matchers_test

import (
	"strings"
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH6 holds the cases of the held-out batch h6's fixes:
// text outside the listing that the reader read (web archive toolbars,
// site safety boxes, forum topic lists), each beside a twin that must stay
// as it is.
func TestHTMLDocumentH6(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "the Wayback Machine's toolbar insert and its print-only line are left out",
			page: `<html><head><title>Guidance</title></head><body><!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none"><div id="wm-ipp"><div id="wm-ipp-inside">success fail 12 captures</div></div></div>
<div id="wm-ipp-print">The Wayback Machine - https://web.archive.example/web/20250312094411/https://shop.example/ephedrine-sales</div>
<script>__wm.bt(750,27,25,2,"web");</script>
<!-- END WAYBACK TOOLBAR INSERT -->
<main><h1>Selling medicines that contain pseudoephedrine</h1><p>Pharmacies may sell one pack at a time.</p></main></body></html>`,
			keep: []string{"Selling medicines that contain pseudoephedrine", "Pharmacies may sell one pack at a time."},
			drop: []string{"Wayback", "web.archive", "ephedrine-sales", "captures"},
		},
		{
			name: "what a toolbar insert comment encloses is left out whatever its markup",
			page: `<html><body><!-- BEGIN WAYBACK TOOLBAR INSERT --><div class="bar"><p>Archived capture of https://shop.example/bmk-oil</p></div><!-- END WAYBACK TOOLBAR INSERT -->
<article><h1>Storing acetone</h1><p>Keep it in a flammables cabinet.</p></article></body></html>`,
			keep: []string{"Storing acetone", "Keep it in a flammables cabinet."},
			drop: []string{"bmk-oil", "Archived capture"},
		},
		{
			name: "an unclosed toolbar comment, a page's own toolbar and an ordinary comment leave the page as it is",
			page: `<html><body><!-- BEGIN WAYBACK TOOLBAR INSERT --><div class="toolbar-note"><p>Prices incl. VAT</p></div>
<!-- begin product insert --><main><h1>Acetone 1 L</h1><p>Nail polish remover, 99.5%.</p><div id="HEADER"><p>Seller: Paint shop Riga</p></div></main></body></html>`,
			keep: []string{"Prices incl. VAT", "Acetone 1 L", "Nail polish remover, 99.5%.", "Seller: Paint shop Riga"},
		},
		{
			name: "archive.today's header and a Google cache header are left out",
			page: `<html><body><div id="HEADER" style="background-color:#eee"><table><tr><td><a href="https://archive.ph/">archive.today</a> webpage capture</td><td>Saved from <a href="https://shop.example/safrole-oil">https://shop.example/safrole-oil</a></td></tr></table><form action="https://archive.ph/submit/"><input name="url"></form></div>
<div id="bN015htcoyT__google-cache-hdr"><div><span>This is Google's cache of https://shop.example/gbl-wheel-cleaner. It is a snapshot of the page as it appeared on 2 Mar 2024.</span></div></div>
<div id="CONTENT"><h1>Tea tree oil 100 ml</h1><p>Steam-distilled, for skin care.</p></div></body></html>`,
			keep: []string{"Tea tree oil 100 ml", "Steam-distilled, for skin care."},
			drop: []string{"archive.today", "safrole-oil", "Google's cache", "gbl-wheel-cleaner"},
		},
		{
			name: "site safety boxes beside or under the ad, in its column too, are left out in many languages",
			page: `<html><body><section class="body"><h1>iodine crystals 1 lb</h1><section id="postingbody">resublimed iodine crystals 99.8%, cash only.</section>
<section class="bottom-ads"><div class="safety-tips"><h4>safety tips</h4><ul><li>deal locally, face-to-face</li><li>never wire funds</li><li>ephedrine, red phosphorus and GBL are prohibited</li></ul></div></section></section>
<div id="viewad-securitytips" class="l-container"><h3>Hinweise</h3><p>Zahle nie im Voraus per Überweisung. Der Handel mit Ephedrin und Safrol ist verboten.</p></div>
<div class="box"><h3>Dicas de segurança</h3><ul><li>Não faça pagamentos antecipados.</li><li>É proibido anunciar efedrina e pseudoefedrina.</li></ul></div>
<div><p><b>Consejos de seguridad</b></p><p>Nunca pagues por adelantado. Está prohibido vender efedrina.</p></div>
<aside aria-label="Conseils de sécurité"><p>Ne payez jamais par virement avant de voir l'objet : safrole interdit.</p></aside>
<div><h4>Советы по безопасности</h4><p>Не вносите предоплату. Продажа эфедрина запрещена.</p></div>
<div><h4>Güvenlik ipuçları</h4><p>Ön ödeme yapmayın; efedrin satışı yasaktır.</p></div>
<div><h4>安全提示</h4><p>请勿提前付款，禁止出售麻黄碱。</p></div>
<div><h4>Wskazówki bezpieczeństwa</h4><p>Nie płać z góry przelewem; sprzedaż efedryny jest zabroniona.</p></div>
<div><h4>Consigli per la sicurezza</h4><p>Non pagare in anticipo: la vendita di efedrina è vietata.</p></div></body></html>`,
			keep: []string{"iodine crystals 1 lb", "resublimed iodine crystals 99.8%, cash only."},
			drop: []string{"ephedrine", "red phosphorus", "Ephedrin", "efedrina", "pseudoefedrina", "safrole", "эфедрина", "efedrin", "麻黄碱", "efedryny", "wire funds"},
		},
		{
			name: "a seller's own safety text, a safety section in the description and a product's hazard notes are kept",
			page: `<html><body><main><h1>Acetone 10 L</h1>
<div class="description"><p>Safety data sheet available on request.</p><h3>Safety tips</h3><p>Never pay attention only to the label: meet the storage rules, no open flame.</p></div>
<section class="product-safety"><h3>Sicherheitshinweise</h3><p>H225 Flüssigkeit und Dampf leicht entzündbar. Von Hitze fernhalten.</p></section>
<div class="safety-tips"><h4>Safety tips</h4><ul><li>Wear nitrile gloves.</li><li>Keep the canister closed.</li></ul></div>
<div class="safety-warning"><p>Warning: highly flammable, CAS 67-64-1.</p></div>
<div class="seller"><h3>Seller</h3><p>Paint shop Riga. Stay safe and ventilate the room when you use it.</p></div></main></body></html>`,
			keep: []string{"Safety data sheet available on request.", "Never pay attention only to the label", "H225 Flüssigkeit und Dampf",
				"Wear nitrile gloves.", "highly flammable, CAS 67-64-1", "Stay safe and ventilate the room"},
		},
		{
			name: "a long block headed by a safety phrase is not a notice",
			page: `<html><body><h1>Iodine 100 g</h1><div class="safety-tips"><h3>Safety tips</h3><p>` + strings.Repeat("Pay by bank transfer only; iodine resublimed, 99.8%. ", 60) + `</p></div></body></html>`,
			keep: []string{"Pay by bank transfer only; iodine resublimed"},
		},
		{
			name: "a forum's suggested and similar topics are left out (Discourse, phpBB, vBulletin, XenForo)",
			page: `<html><body><div id="main-outlet"><h1>Storing diethyl ether and acetone in the prep room</h1><div class="cooked"><p>Never a domestic fridge for ether.</p></div>
<div class="more-topics__container"><div class="suggested-topics"><h3>Suggested Topics</h3><table class="topic-list"><tr><td><a href="/t/1">Anyone selling red phosphorus and iodine? discreet post ok</a></td></tr><tr><td><a href="/t/2">Potassium permanganate demo</a></td></tr></table></div></div>
<div class="box"><h3>Vorgeschlagene Themen</h3><ul><li><a href="/t/3">Safrol kaufen</a></li><li><a href="/t/4">Ephedrin Frage</a></li></ul></div>
<div class="panel"><h3>Similar topics</h3><ul class="topiclist"><li><a href="/v/5">BMK glycidate</a></li><li><a href="/v/6">PMK oil</a></li></ul></div>
<div class="block block--similarThreads"><div class="block-header">Similar threads</div><ul><li><a href="/th/7">GBL wheel cleaner</a></li><li><a href="/th/8">Nitroethane source</a></li></ul></div>
<div><h3>Предлагаемые темы</h3><a href="/t/9">Сафрол</a> <a href="/t/10">Эфедрин</a></div>
<div><h3>Chủ đề gợi ý</h3><a href="/t/11">Dầu xá xị</a> <a href="/t/12">Ephedrine</a></div></div></body></html>`,
			keep: []string{"Storing diethyl ether and acetone in the prep room", "Never a domestic fridge for ether."},
			drop: []string{"red phosphorus", "permanganate", "Safrol", "Ephedrin", "BMK", "PMK", "GBL", "Nitroethane", "Сафрол", "xá xị"},
		},
		{
			name: "a post's own suggestion and a block of its own links are kept",
			page: `<html><body><article><h1>Storing diethyl ether</h1><div class="cooked"><h3>Suggested storage</h3><p>Use a spark-free fridge: <a href="/a">CLEAPSS guide</a> and <a href="/b">HSE note</a>.</p></div></article></body></html>`,
			keep: []string{"Suggested storage", "Use a spark-free fridge:", "CLEAPSS guide", "HSE note"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
