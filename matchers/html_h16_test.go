package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH16 holds the cases of the held-out document batch h16's
// reader fixes, each beside a twin that must stay as it is.
func TestHTMLDocumentH16(t *testing.T) {
	tests := []struct {
		name  string
		page  string
		title string   // when set, the document's title
		keep  []string // in the text
		drop  []string // neither in the text nor in the script text
		whole []string // in the text or the script text (the listing's description)
	}{
		{
			name: "a list of entries beside the open one, holding its title, is the list it was picked from (a feed reader's article list)",
			page: `<html><body><main><div class="split"><section class="list">
<div class="tile current"><span>Feed · 2 h</span><a href="#" onclick="open(1)">Kaliumpermanganat 99 % 5 kg</a></div>
<div class="tile"><span>Feed · 3 h</span><a href="#" onclick="open(2)">Aceton 10 l Kanister</a></div>
<div class="tile"><span>Feed · 5 h</span><a href="#" onclick="open(3)">Salzsäure 30 % 25 kg</a></div>
<div class="more"><button>Mehr laden</button></div></section>
<article><h1><a href="https://kleinanzeigen.example/a/1">Kaliumpermanganat 99 % 5 kg</a></h1><p>Verkaufe Kaliumpermanganat, 5-kg-Eimer.</p>
<ul><li><a href="/a/1?s=1">Kaliumpermanganat 99 % 5 kg</a></li><li><a href="/a/1?s=2">1-kg-Beutel</a></li><li><a href="/a/1?s=3">500-g-Dose</a></li></ul></article></div></main></body></html>`,
			title: "Kaliumpermanganat 99 % 5 kg",
			keep:  []string{"Verkaufe Kaliumpermanganat, 5-kg-Eimer.", "1-kg-Beutel", "500-g-Dose"},
			drop:  []string{"Aceton", "Salzsäure"},
		},
		{
			name: "a column of links beside the open entry that does not hold its title stays (a shop's own list of sizes)",
			page: `<html><body><main><div class="split"><section class="sizes">
<div class="tile"><a href="/p/2">Aceton 10 l Kanister</a></div><div class="tile"><a href="/p/3">Aceton 25 l Fass</a></div><div class="tile"><a href="/p/4">Aceton 200 l Fass</a></div></section>
<article><h1>Aceton 1 l</h1><p>Aceton technisch rein.</p></article></div></main></body></html>`,
			title: "Aceton 1 l",
			keep:  []string{"Aceton 10 l Kanister", "Aceton 200 l Fass", "Aceton technisch rein."},
		},
		{
			name: "a community's rules box (a forum topic's rules, a chat channel's purpose) naming prohibited goods is left out",
			page: `<html><body><div role="main"><h2 class="topic-title">[VENDO] Prodotti piscina</h2>
<div class="topic-rules rules"><div class="inner"><strong>Regole del Mercatino</strong><br>Solo privati. È vietato vendere precursori di droghe (efedrina, anidride acetica).</div></div>
<div class="channel-header"><div class="channel-purpose"><b>Propósito:</b> Anuncios entre miembros. Normas: prohibido anunciar safrol o GBL.</div></div>
<div class="posts"><div class="postbody"><p>Acido cloridrico 33%, 4 taniche da 25 kg.</p></div></div>
<div class="box"><h3>Regeln</h3><p>Verboten: Pseudoephedrin. Solche Anzeigen werden gelöscht.</p></div></div></body></html>`,
			keep: []string{"Acido cloridrico 33%, 4 taniche da 25 kg."},
			drop: []string{"efedrina", "anidride", "safrol", "GBL", "Pseudoephedrin"},
		},
		{
			name: "a rules box that names no prohibition stays, so does a rules paragraph in the seller's own text, and a box headed 'Rules' that speaks of no posts or members",
			page: `<html><body><main><h1>Toluene 20 L</h1><div class="shop-rules"><h3>Shop rules</h3><p>Payment within 3 days, pickup in Leeds.</p></div>
<div class="description"><div class="rules"><b>Rules:</b> It is forbidden to resell; toluene 20 L drums only.</div></div>
<div class="terms"><h3>Rules of sale</h3><p>Not allowed: cash on delivery. Prepayment in USDT only.</p></div></main></body></html>`,
			title: "Toluene 20 L",
			keep:  []string{"Payment within 3 days, pickup in Leeds.", "It is forbidden to resell; toluene 20 L drums only.", "Prepayment in USDT only."},
		},
		{
			name: "a description cut off on the page whose whole text is in a data attribute is read whole",
			page: `<html><body><main><article><h1>MEK 200 L</h1>
<section class="annonce-description" data-full-text="Vends méthyléthylcétone 99,5 %, fûts de 200 L, stock important.&#10;&#10;Prix : 25 L = 95 €, fût = 640 €.&#10;&#10;Pas de facture. Paiement en USDT, Telegram @mek_fr.">
<p class="desc-text">Vends méthyléthylcétone 99,5 %, fûts de 200 L, stock important.

Prix : 25 L = 95 €, …</p><button onclick="expand()">Voir plus</button></section>
<div class="card" data-tooltip="Acide chlorhydrique 33 % 25 L, paiement Telegram uniquement"><a href="/a/2">Acide chlorhydrique</a></div></article></main></body></html>`,
			title: "MEK 200 L",
			keep:  []string{"Vends méthyléthylcétone 99,5 %"},
			whole: []string{"Pas de facture. Paiement en USDT, Telegram @mek_fr."},
			drop:  []string{"paiement Telegram uniquement"},
		},
		{
			name: "a data attribute holding other text is not read when no shown line is cut off",
			page: `<html><body><main><h1>MEK 200 L</h1><section data-full-text="Vends MEK 99,5 %, fûts de 200 L. Paiement en USDT uniquement, Telegram.">
<p>Vends MEK 99,5 %, fûts de 200 L. Livraison possible.</p></section></main></body></html>`,
			title: "MEK 200 L",
			keep:  []string{"Livraison possible."},
			drop:  []string{"USDT"},
		},
		{
			name: "in a table layout, the rows under a heading row naming the seller's other items are left out",
			page: `<html><body><main><h1>ロータリーエバポレーター N-1100</h1><div class="comment"><table>
<tr><td><b>■ 商品説明</b></td></tr><tr><td>ロータリーエバポレーター本体のセットです。</td></tr>
<tr><td><b>■ 出品中のその他の商品</b></td></tr>
<tr><td><table><tr><td><a href="/a/1">アセトン 18L 一斗缶</a></td><td>8,800円</td></tr><tr><td><a href="/a/2">塩酸 35% 500ml×6本</a></td><td>4,200円</td></tr></table></td></tr>
<tr><td><b>■ 付属品</b></td></tr><tr><td><a href="/m/1">取扱説明書</a> <a href="/m/2">ナスフラスコ 1L</a></td></tr></table></div></main></body></html>`,
			title: "ロータリーエバポレーター N-1100",
			keep:  []string{"ロータリーエバポレーター本体のセットです。", "取扱説明書", "ナスフラスコ 1L"},
			drop:  []string{"アセトン", "塩酸"},
		},
		{
			name: "a sheet index's heading (an <h1> over links to the page's own sections) is not the title; the first section's heading is",
			page: `<html><head><title>fiyat-listesi</title></head><body><h1>Overview</h1>
<a href="#table0">Fiyat Listesi</a><br><a href="#table1">Teslim</a><br><hr>
<a name="table0"><h1>Sheet 1: <em>Fiyat Listesi</em></h1></a><table><tr><td>Aseton %99,5</td><td>67-64-1</td></tr></table>
<a name="table1"><h1>Sheet 2: <em>Teslim</em></h1></a><table><tr><td>Fabrika teslim</td></tr></table></body></html>`,
			title: "Sheet 1: Fiyat Listesi",
			keep:  []string{"Aseton %99,5 67-64-1", "Fabrika teslim"},
		},
		{
			name:  "an <h1> followed by one in-page link and text stays the title",
			page:  `<html><body><h1>Aseton %99,5 30 L</h1><a href="#fiyat">Fiyat</a><p>Aseton teknik, 30 L bidon.</p><h2 id="fiyat">Fiyat</h2><p>2.450 TL</p></body></html>`,
			title: "Aseton %99,5 30 L",
			keep:  []string{"Aseton teknik, 30 L bidon.", "2.450 TL"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			if tt.title != "" && d.Title != tt.title {
				t.Errorf("%s: title %q, want %q", tt.name, d.Title, tt.title)
			}
			checkKeptDropped(t, tt.name, d.Text, tt.keep, nil)
			checkKeptDropped(t, tt.name, d.Text+"\n"+d.ScriptText, tt.whole, tt.drop)
		})
	}
}
