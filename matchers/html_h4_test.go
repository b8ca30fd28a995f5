package matchers_test

import (
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
		{
			name: "the seller's other products under a hashed-class heading are left out, in several languages",
			page: `<html><body><div class="_2rQP1z"><h1>Asam Hipofosfit 1 Liter</h1></div><div class="_2u0jt9"><p>Packing rahasia, Telegram @kimia</p></div>
<div class="_1Yaflp"><div class="_3Xk7SK">Dari Toko yang Sama</div><div class="_2x8wqR"><a href="/i1"><div>Iodine Kristal 100 gram</div><div>Rp275.000</div></a><a href="/i2"><div>Fosfor Merah 250 gr</div><div>Rp390.000</div></a></div></div>
<div class="k1"><span class="k2">Sản phẩm khác của Shop</span><a href="/v1">Axit sulfuric</a> <a href="/v2">Toluen</a></div>
<div class="q8"><h3>Mehr von diesem Verkäufer</h3><a href="/d1">Ephedrin</a> <a href="/d2">Safrol</a></div>
<section class="z1"><div class="z2"><span>من نفس البائع</span></div><a href="/a1">الإيفيدرين</a> <a href="/a2">السافرول</a></section></body></html>`,
			keep: []string{"Asam Hipofosfit 1 Liter", "Packing rahasia, Telegram @kimia"},
			drop: []string{"Iodine", "Fosfor", "Toko", "sulfuric", "Ephedrin", "Safrol", "الإيفيدرين"},
		},
		{
			name: "a short line opening the offer's own text is no related heading",
			page: `<html><body><div class="_2rQP1z"><h1>Aseton 1 Liter</h1></div>
<div class="_9a"><div class="_3Xk7SK">Produk lain yang cocok: lihat deskripsi</div><p>Aseton murni untuk membersihkan kuteks, kirim dari Surabaya.</p><a href="/faq">FAQ</a> <a href="/s">Toko</a></div>
<div class="_9b"><div class="_3Xk7SK">Rekomendasi penggunaan</div><p>Gunakan sarung tangan.</p></div></body></html>`,
			keep: []string{"Aseton murni untuk membersihkan kuteks, kirim dari Surabaya.", "Rekomendasi penggunaan", "Gunakan sarung tangan."},
		},
		{
			name: "a community sidebar beside <main> is left out",
			page: `<html><body><div class="grid"><main><h1>Stripping epoxy off glassware?</h1><div class="comment"><p>Methylamine 40% in stock, Telegram @pc77.</p></div></main>
<div class="right"><aside aria-label="Community information"><h2>r/labrats_home</h2><h3>Rules</h3><ol><li>No sourcing of ephedrine or safrole.</li></ol></aside>
<div role="complementary"><h2>Forum rules</h2><p>No red phosphorus talk.</p></div>
<aside class="sidebar-community"><p>Moderated since 2019. No P2P.</p></aside></div></div></body></html>`,
			keep: []string{"Stripping epoxy off glassware?", "Methylamine 40% in stock, Telegram @pc77."},
			drop: []string{"ephedrine", "red phosphorus", "P2P"},
		},
		{
			name: "a seller's aside beside <main> and a community aside inside the article are kept",
			page: `<html><body><main><h1>Nitroethane 99% 1 L</h1><p>Stealth shipping.</p>
<aside aria-label="Community notes"><p>Readers added: ships from NL.</p></aside></main>
<aside class="seller-box"><h3>About the seller</h3><p>Rules: no refunds. Wickr: nitroshop</p></aside>
<aside aria-label="Vendor"><h3>Vendor rules</h3><p>Reship once, Threema ABCD1234.</p></aside></body></html>`,
			keep: []string{"Stealth shipping.", "Readers added: ships from NL.", "Rules: no refunds. Wickr: nitroshop", "Reship once, Threema ABCD1234."},
		},
		{
			name: "a 'Read more:' link inside the story is left out, in several languages",
			page: `<html><body><main><article><h1>Customs seize acetic anhydride</h1><div class="story-body"><p>Officers found 60 drums.</p>
<div class="inline-promo"><span>Read more:</span> <a href="/n/1">400 kg of safrole oil found</a></div>
<p><strong>Lire aussi :</strong> <a href="/n/2">Saisie d'éphédrine à Marseille</a></p>
<p>Читайте также: <a href="/n/3">Изъят BMK</a>, <a href="/n/4">PMK</a></p>
<p>延伸阅读 <a href="/n/5">红磷走私案</a></p><p>Two men were charged.</p></div></article></main></body></html>`,
			keep: []string{"Customs seize acetic anhydride", "Officers found 60 drums.", "Two men were charged."},
			drop: []string{"safrole", "éphédrine", "BMK", "PMK", "红磷", "Read more"},
		},
		{
			name: "a contact after a lead, a link inside a sentence and a read-more toggle are kept",
			page: `<html><body><main><h1>Ethyl ether 1 L</h1><p>See also: <a href="https://t.me/etherlab">our channel</a></p>
<p>Read more about storage in the <a href="/msds">MSDS for ethyl ether</a>.</p>
<p>Discreet packing, no questions. <a href="#more">Read more</a></p></main></body></html>`,
			keep: []string{"See also: our channel t.me/etherlab", "MSDS for ethyl ether", "Discreet packing, no questions."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
