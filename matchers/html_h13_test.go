package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH13 holds the cases of the held-out document batch h13's
// reader fixes: a site's safety box inside the main content named only by
// a lone safety word (class "tm-safety", aria-label="safety") or a
// warning-sign heading ("⚠"), whose text speaks in the site's voice
// (report, never pay outside the app, our rules), and recommendation
// carousels titled "Just for you" or in Turkish "Bu ürünü alanlar bunları
// da aldı", and the site's floating chat button ("Chat with us on
// WhatsApp") outside the main content, each beside a twin that must stay
// as it is.
func TestHTMLDocumentH13(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "a safety box named by a lone safety word or a warning sign is left out",
			page: `<html><body><main><div class="tm-pdp"><h1>2 Pack Pure Acetone Nail Polish Remover 500ml</h1>
<p>100% pure acetone, 500 ml per bottle, ground shipping only.</p></div>
<aside class="tm-safety" aria-label="safety"><h3>⚠</h3><p>Never pay outside the app. Sellers asking you to pay via WhatsApp, Telegram or crypto are breaking our rules.</p></aside>
<div data-testid="security"><p>Report listings offering medicine without a prescription or by messenger.</p></div>
<div class="box"><h3>⚠️</h3><p>Vorsicht bei Vorauszahlung per WhatsApp-Link oder Krypto. Zollgebühren-Betrug: Wir verlangen nie Gebühren per SMS.</p></div>
<aside aria-label="Sicherheit"><p>Никогда не переводите деньги продавцу в Telegram или WhatsApp — оплачивайте только на сайте.</p></aside>
<aside class="hb-safety"><p>Güvenliğiniz için ödemeyi site dışında yapmayın; WhatsApp veya Telegram üzerinden ödeme talep eden satıcıları bildirin.</p></aside>
</main></body></html>`,
			keep: []string{"100% pure acetone, 500 ml per bottle"},
			drop: []string{"breaking our rules", "without a prescription or by messenger", "Krypto", "Никогда не переводите", "ödemeyi site dışında"},
		},
		{
			name: "a product's own safety block and a seller's warning-sign line stay",
			page: `<html><body><main><h1>Sulphuric acid 96% 1 L</h1><p>Battery acid, 1 L bottle.</p>
<section class="product-safety"><h3>Safety</h3><p>Corrosive: wear gloves and goggles. The seller ships it in UN-approved bottles only.</p></section>
<div class="note"><h3>⚠</h3><p>Payment via crypto only, Telegram @acidshop, no questions.</p></div>
<aside aria-label="safety"><p>Keep away from children. Report any spill to your local fire service.</p></aside>
</main></body></html>`,
			keep: []string{"Corrosive: wear gloves and goggles", "Payment via crypto only, Telegram @acidshop", "Keep away from children"},
		},
		{
			name: "recommendation carousels titled for you or in Turkish are left out",
			page: `<html><body><main><h1>Potasyum Permanganat %99 25 kg</h1><p>Su arıtma için potasyum permanganat.</p>
<section class="hb-carousel"><h2>Bu ürünü alanlar bunları da aldı</h2><ul><li><a href="/p/1">Sülfürik asit 5 L</a></li><li><a href="/p/2">Aseton 30 L</a></li></ul></section>
<section class="dr-carousel"><h2>Just for you</h2><ul><li><a href="/p/3">Nitroethane 500 ml</a></li><li><a href="/p/4">P2NP</a></li></ul></section>
</main></body></html>`,
			keep: []string{"Su arıtma için potasyum permanganat."},
			drop: []string{"Sülfürik asit", "Aseton", "Nitroethane", "P2NP"},
		},
		{
			name: "a heading on areas of use stays",
			page: `<html><body><main><h1>Potasyum Permanganat %99 25 kg</h1>
<section class="spec"><h2>Kullanım alanları</h2><ul><li>Su arıtma</li><li>Havuz dezenfeksiyonu</li></ul></section>
<section><h2>Made just for your pool</h2><ul><li><a href="/guide">Dosing guide for permanganate</a></li><li><a href="/sds">SDS</a></li></ul></section>
</main></body></html>`,
			keep: []string{"Su arıtma", "Havuz dezenfeksiyonu", "Dosing guide for permanganate"},
		},
		{
			name: "the site's floating chat button outside the main content is left out",
			page: `<html><body><header><a href="/">Temoo</a></header><main><h1>Acetone 500 ml x 2</h1><p>Pure acetone nail polish remover.</p>
<div class="tm-contact"><a href="https://wa.me/447700900123">Ask the seller on WhatsApp</a></div></main>
<footer><p>© 2026 temoo.example</p></footer>
<div class="tm-sticky tm-chat" id="chat-widget"><a href="https://wa.me/10000000000">Chat with us on WhatsApp</a></div></body></html>`,
			keep: []string{"Pure acetone nail polish remover.", "Ask the seller on WhatsApp"},
			drop: []string{"Chat with us", "10000000000"},
		},
		{
			name: "a shop page without a main landmark keeps its floating chat button",
			page: `<html><body><div class="product"><h1>Iodine crystals 100 g</h1><p>Iodine 99.8%, 100 g.</p></div>
<div class="whatsapp-float"><a href="https://wa.me/447700900123">Order on WhatsApp</a></div></body></html>`,
			keep: []string{"Iodine 99.8%, 100 g.", "Order on WhatsApp"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
