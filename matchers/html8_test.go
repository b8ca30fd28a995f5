package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH8 holds the cases of the held-out batch h8's fixes: text
// outside the listing that the reader read (safety boxes inside the ad's
// column, shelves of other items without links, the member's or seller's
// other items, a "best sellers" line in the offer's cell, side columns and
// sidebars beside the <main>), each beside a twin that must stay as it is.
func TestHTMLDocumentH8(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		title string
		keep  []string
		drop  []string
	}{
		{
			name: "a safety box in the ad's column is left out when its tips start a paragraph after the heading, or a data attribute names it",
			page: `<html><body><div id="vip-body"><h1>Acetone 25 L drum</h1><section data-q="vip-description"><h2>Description</h2><p>Sealed drums, SDS, VAT invoice.</p></section>
<div class="vip-safety"><h3>Stay safe on Gumline</h3><p>Never pay before seeing an item. No ads for pseudoephedrine or GBL.</p></div>
<div data-q="safety-tips"><p>Meet in a public place. Ephedrine and safrole ads are removed.</p></div>
<div class="css-safety" data-testid="safety-tips"><h4>Будьте обережні</h4><p>Заборонено продаж прекурсорів (ефедрин, сафрол).</p></div>
<div class="box"><h4>Dikkatli olun</h4><p>Ön ödeme yapmayın; efedrin satışı yasaktır.</p></div></div></body></html>`,
			keep: []string{"Acetone 25 L drum", "Sealed drums, SDS, VAT invoice."},
			drop: []string{"pseudoephedrine", "GBL", "Ephedrine", "safrole", "ефедрин", "сафрол", "efedrin"},
		},
		{
			name: "a product's own 'be careful' and a data attribute without safety words are kept",
			page: `<html><body><main><h1>Sulphuric acid 1 L</h1><div data-q="vip-attributes"><h3>Be careful</h3><p>Corrosive: add acid to water, wear goggles.</p></div>
<div data-testid="item-tips"><p>Store below 25 °C.</p></div></main></body></html>`,
			keep: []string{"Be careful", "Corrosive: add acid to water, wear goggles.", "Store below 25 °C."},
		},
		{
			name: "a shelf of other items without links, named so by its class or a data attribute, is left out inside <main> too",
			page: `<html><body><main><h1>Schwefelsäure 37 %, 5 l</h1><p>Akkusäure im Kanister.</p>
<section class="pf-similar"><h2>Ähnliche Produkte</h2><a>Kaliumpermanganat 250 g</a><a>Jod-Kaliumjodid-Lösung 100 ml</a></section>
<div data-zone-name="similar"><h2>Похожие товары</h2><a>Ацетон технический 1 л</a><a>Серная кислота 1 л</a></div>
<div class="similar-classifieds"><h3>Benzer İlanlar</h3><ul><li><a>Aseton 30 lt</a></li><li><a>Hidroklorik asit 30 kg</a></li></ul></div>
<section class="hz-Feed" data-testid="similar-items"><h2>Anderen bekeken ook</h2><ul><li>1,4-butaandiol 1 liter</li><li>Zoutzuur 10% 5 liter</li></ul></section>
<section data-testid="other-ads-section" class="css-other"><h2>Інші оголошення продавця</h2><a>Толуол 20 л</a><a>Сірчана кислота 98%</a></section></main></body></html>`,
			keep: []string{"Schwefelsäure 37 %, 5 l", "Akkusäure im Kanister."},
			drop: []string{"Kaliumpermanganat", "Jod", "Ацетон", "Серная", "Aseton", "Hidroklorik", "butaandiol", "Zoutzuur", "Толуол", "Сірчана"},
		},
		{
			name: "a seller's own list under a related-sounding heading and a described shelf with text of its own are kept",
			page: `<html><body><main><h1>Acetone 10 L</h1><div class="features"><h3>Popular uses</h3><ul><li>Cleaning resin tools</li><li>Degreasing metal</li></ul></div>
<div class="description"><div class="similar"><h3>Similar grades</h3><ul><li>Acetone ACS 1 L</li><li>Acetone technical 25 L</li></ul></div></div>
<div class="related-info"><h3>Related information</h3><p>Our acetone is distilled in Leeds and shipped in UN-approved cans with a full safety data sheet and a certificate of analysis for every lot.</p><ul><li>UN 1090</li><li>Class 3</li></ul></div></main></body></html>`,
			keep: []string{"Popular uses", "Cleaning resin tools", "Degreasing metal", "Acetone ACS 1 L", "Acetone technical 25 L", "distilled in Leeds", "UN 1090"},
		},
		{
			name: "the member's or seller's other items are left out in several languages",
			page: `<html><body><main><h1>Iodine 2 x 100 g</h1><p>Resublimed, 99.8 %.</p>
<section class="closet-container" data-testid="closet-items"><h2>Member's items (6)</h2><div><a href="/items/1">Red phosphorus striker paper</a><span>£9.00</span></div><div><a href="/items/2">Hydrochloric acid 5 L</a><span>£12.00</span></div></section>
<div class="box"><h3>Weitere Anzeigen des Anbieters</h3><a href="/a/1">Safrol 1 l</a> <a href="/a/2">Ephedrin 10 g</a></div>
<div class="box"><h3>Autres articles du membre</h3><a href="/a/3">Safrole</a> <a href="/a/4">Éphédrine</a></div></main></body></html>`,
			keep: []string{"Iodine 2 x 100 g", "Resublimed, 99.8 %."},
			drop: []string{"Red phosphorus", "Hydrochloric", "Safrol", "Ephedrin", "Éphédrine"},
		},
		{
			name: "a best-sellers line of links in the offer's own cell is left out (traditional Chinese)",
			page: `<html><body><table><tr><td><h2>鹽酸麻黃素 原料粉</h2><p>本行長期供應醫藥級鹽酸麻黃素原料粉，1公斤起批。</p>
<p><font color="#cc0000">熱銷產品：</font><a href="p101.htm">丙酮 18公升</a>　<a href="p102.htm">甲苯 18公升</a>　<a href="p103.htm">硫酸 98%</a></p>
<p><b>猜你喜歡</b> <a href="p201.htm">鹽酸</a> <a href="p202.htm">甲乙酮</a></p></td></tr></table></body></html>`,
			keep: []string{"鹽酸麻黃素 原料粉", "本行長期供應醫藥級鹽酸麻黃素原料粉"},
			drop: []string{"丙酮", "甲苯", "硫酸", "甲乙酮"},
		},
		{
			name: "a side column of category links beside the offer's column is left out",
			page: `<html><body><p>かがくの森ストア お問い合わせ 0120-000-555</p><div id="wrapper"><div id="side"><h3>カテゴリー</h3><ul><li><a href="/c/101">酸・アルカリ（塩酸、硫酸）</a></li><li><a href="/c/102">有機溶媒（アセトン、トルエン）</a></li><li><a href="/c/103">ハロゲン類</a></li><li><a href="/c/104">指示薬</a></li></ul></div>
<div id="main"><h1>ヨウ素（結晶）25g</h1><p>理科実験用のヨウ素の結晶です。</p></div></div></body></html>`,
			keep: []string{"0120-000-555", "ヨウ素（結晶）25g", "理科実験用のヨウ素の結晶です。"},
			drop: []string{"塩酸", "硫酸", "アセトン", "トルエン"},
		},
		{
			name: "an old-Reddit sidebar before role=main is left out and its <h1> is not the title",
			page: `<html><head><title>Why is my iodine tincture fading? : askchemistry</title></head><body><div class="side"><div class="titlebox"><h1 class="redditname"><a href="/r/askchemistry/">askchemistry</a></h1><div class="md"><h3>Rules</h3><ol><li>No questions about ephedrine reduction, P2P, safrole.</li><li>No sourcing requests.</li></ol></div></div></div>
<div class="content" role="main"><div class="thing"><p class="title"><a class="title" href="/r/askchemistry/comments/1">Why is my iodine tincture fading?</a></p><div class="usertext-body"><div class="md"><p>My 2% iodine tincture went pale.</p></div></div></div></div></body></html>`,
			title: "Why is my iodine tincture fading? : askchemistry",
			keep:  []string{"Why is my iodine tincture fading?", "My 2% iodine tincture went pale."},
			drop:  []string{"ephedrine", "P2P", "safrole", "Rules"},
		},
		{
			name: "a sidebar beside the <main> holding the seller's box and a side column without a <main> are kept",
			page: `<html><body><main><h1>GBL wheel cleaner 1 L</h1><p>99.9%.</p></main>
<div class="sidebar"><div class="seller-info"><h3>Seller</h3><p>Jan, Rotterdam, 3 months active.</p></div></div></body></html>`,
			keep: []string{"GBL wheel cleaner 1 L", "99.9%.", "Jan, Rotterdam, 3 months active."},
		},
		{
			name: "a side column of text, not links, beside the offer without a <main> is kept",
			page: `<html><body><div id="wrapper"><div id="side"><h3>Shipping</h3><p>Discreet packing, Telegram only.</p></div><div id="content"><h1>Safrole oil 1 L</h1><p>Sassafras, 85%.</p></div></div></body></html>`,
			keep: []string{"Discreet packing, Telegram only.", "Safrole oil 1 L", "Sassafras, 85%."},
		},
		{
			name: "links back to back are read as separate words, text after a link is not",
			page: `<html><body><main><h1>Оцтовий ангідрид 20 л</h1><p>Є ще: <a href="/1">Толуол 20 л</a><a href="/2">Сірчана кислота 98%</a>, <a href="/3">iPhone</a>s and <a href="/4">acet</a>one.</p></main></body></html>`,
			keep: []string{"Толуол 20 л Сірчана кислота 98%", "iPhones", "acetone"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
			if tt.title != "" && d.Title != tt.title {
				t.Errorf("title %q, want %q", d.Title, tt.title)
			}
		})
	}
}
