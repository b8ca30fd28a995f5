package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap29ShareWidget: a portal's share widget names messengers as
// buttons, separated by middle dots, bars or spaces and mixed with social
// networks ("Share: Facebook · LinkedIn · Twitter · WhatsApp", "Partager :
// Facebook · X · WhatsApp", "공유: 카카오톡 · 페이스북 · WhatsApp"); with no
// handle, number or link it is no messenger contact of the listing
// (heldout29 l0018 l0027 l0028 l0048 l0056 l0058 l0074 l0075 l0076 l0083
// l0103 l0128 l0132 l0133 l0141 l0148 l0155 l0161 l0164 l0168 l0180 l0182
// l0185). A seller's own contact stays an indicator, also on the same
// page.
func TestGap29ShareWidget(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Methylamine 40% solution, 180 kg drum", "CAS 74-89-5. MOQ 1 drum.\nShare: Facebook · LinkedIn · Twitter · WhatsApp", false},
		{"en", "Toluene 99.9% nitration grade", "CAS 108-88-3, ISO tank.\nShare to: Facebook Twitter LinkedIn Telegram", false},
		{"en", "Acetone 99.5% industrial", "CAS 67-64-1, 160 kg drums.\nShare this product: Facebook | Twitter | Telegram | WhatsApp | Pinterest", false},
		{"en", "Formamide 99.5%", "CAS 75-12-7, 25 kg.\nShare: WhatsApp · Telegram · Facebook · X", false},
		{"de", "Toluol reinst 99,5 %, 25 L", "CAS 108-88-3.\n\nTeilen: Facebook · X · WhatsApp | Zahlungsarten: Rechnung, Vorkasse, PayPal", false},
		{"fr", "Éther diéthylique 99,5 %, 1 L", "CAS 60-29-7.\n\nPartager : Facebook · X · WhatsApp | Paiement : CB, virement, PayPal", false},
		{"es", "Ácido clorhídrico 32 %, 20 L", "CAS 7647-01-0.\n\nCompartir: Facebook · WhatsApp · Telegram | Aceptamos: transferencia, tarjeta", false},
		{"it", "Acido cloridrico 33%, 25 kg", "CAS 7647-01-0.\n\nCondividi: Facebook · WhatsApp | Pagamenti: bonifico, carta, PayPal", false},
		{"pt", "Acetona 99,5%, 20 L", "CAS 67-64-1.\n\nCompartilhar: Facebook · WhatsApp · Telegram", false},
		{"nl", "Aceton 99,5% technisch, 200 L", "CAS 67-64-1.\n\nDelen: Facebook · WhatsApp · LinkedIn | Betalen: iDEAL, factuur", false},
		{"pl", "Kwas siarkowy 96%, 1 L", "CAS 7664-93-9.\n\nUdostępnij: Facebook · WhatsApp | Płatności: przelew, BLIK", false},
		{"tr", "Aseton %99,5, 30 L", "CAS 67-64-1.\n\nPaylaş: Facebook · WhatsApp · Telegram | Ödeme: Havale/EFT", false},
		{"ru", "Толуол 99,9 %, 20 л", "CAS 108-88-3.\nПоделиться: VK · Telegram · WhatsApp · Одноклассники", false},
		{"uk", "Нітроетан 99%, 1 л", "CAS 79-24-3.\nПоділитися: VK · Telegram · WhatsApp", false},
		{"zh", "甲苯 99.9% 200L", "CAS 108-88-3。\n分享：微博 · WhatsApp · Telegram", false},
		{"ja", "トルエン 99.9% 18L", "CAS 108-88-3。\nシェア: X · LINE · WhatsApp", false},
		{"ko", "염산 35% 20L", "CAS 7647-01-0\n공유: 카카오톡 · 페이스북 · WhatsApp", false},
		{"vi", "Acetone 99,5% phuy 160 kg", "CAS 67-64-1.\n\nChia sẻ: Facebook · Zalo · Telegram", false},
		{"id", "MEK 99,9% drum 165 kg", "CAS 78-93-3.\n\nBagikan: WhatsApp · Facebook · Telegram", false},
		{"th", "โทลูอีน 99.9% 200 ลิตร", "CAS 108-88-3\nแชร์: Facebook · LINE · WhatsApp", false},
		{"ar", "تولوين 99.9%", "CAS 108-88-3\nمشاركة: فيسبوك · واتساب · تيليجرام", false},
		{"fa", "تولوئن ۹۹٫۹٪", "CAS 108-88-3\nاشتراک: فیسبوک · واتساپ · تلگرام", false},
		{"hi", "सल्फ्यूरिक एसिड 98%", "CAS 7664-93-9\nशेयर: WhatsApp · Facebook", false},
		// A seller's own contact stays an indicator, on a page with a
		// share widget too.
		{"en", "Methylamine 40% solution, 180 kg drum", "CAS 74-89-5. Contact our sales manager on WhatsApp +86 138 0013 8000.\nShare: Facebook · LinkedIn · WhatsApp", true},
		{"en", "Toluene 99.9%", "CAS 108-88-3. Orders via Telegram @solvent_hub only.\nShare: Facebook · X", true},
		{"en", "Acetone 99.5%", "CAS 67-64-1. wickr me: chemking\nShare: Facebook · LinkedIn", true},
		{"es", "Ácido clorhídrico 32 %", "CAS 7647-01-0. Pedidos solo por Telegram.\nCompartir: Facebook · X", true},
		{"en", "Acetone 99.5%", "CAS 67-64-1. Contact via Telegram for price.", true},
		{"en", "Formamide 99.5%", "CAS 75-12-7. Share: Facebook. Contact us on WhatsApp for the price.", true},
		{"en", "Formamide 99.5%", "CAS 75-12-7.\nShare: Facebook · contact our sales manager on WhatsApp", true},
	})
}

// TestGap29DiacetoneAlcohol: 双丙酮醇 / 二丙酮醇 (diacetone alcohol, CAS
// 123-42-2), 丙酮醇 (acetol) and 丙酮肟 (acetone oxime) hold 丙酮 inside a
// longer name of another compound, which is no mention of acetone
// (heldout29 l0176); in Japanese and Korean the katakana and Hangul names
// do too. Acetone itself stays.
func TestGap29DiacetoneAlcohol(t *testing.T) {
	runCAS(t, []casCase{
		{"双丙酮醇 99% 溶剂 CAS 123-42-2", "品名：双丙酮醇\n含量：99%\n包装：190kg/桶", nil, []string{"67-64-1"}},
		{"二丙酮醇 工业级 190kg/桶", "含量99%，溶剂用。", nil, []string{"67-64-1"}},
		{"丙酮醇 98% 25kg/桶", "羟基丙酮，试剂。", nil, []string{"67-64-1"}},
		{"丙酮肟 99% 25kg", "工业级，现货。", nil, []string{"67-64-1"}},
		{"ジアセトンアルコール 99% 16kg", "工業用溶剤。", nil, []string{"67-64-1"}},
		{"다이아세톤알코올 99% 190kg", "공업용 용제.", nil, []string{"67-64-1"}},
		{"丙酮 99.5% 160kg/桶", "工业级，现货。", []string{"67-64-1"}, nil},
		{"アセトン 99.5% 18L", "工業用。", []string{"67-64-1"}, nil},
	})
}

// TestGap29PolicyPages: a portal's prohibited-products policy page, its
// platform notice and a regulator's alert name substances and indicator
// phrases to forbid or warn of them, under the portal's own "Contact
// Supplier | Chat Now" buttons; they offer nothing (heldout29 l0122,
// l0085, l0038). An offer on the same portal stays one.
func TestGap29PolicyPages(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Prohibited & Restricted Products Policy — Chemicals (Rules Center)", "Rules Center › Product Listing Policy\nThe following may not be listed on the platform: ephedrine, pseudoephedrine, safrole and any item described as 'stealth shipping'. Listings offering payment in cryptocurrency only will be removed.\n\nContact Supplier | Chat Now", false},
		{"zh", "平台公告：禁止发布麻黄碱、高锰酸钾等易制毒化学品信息", "根据《易制毒化学品管理条例》，本平台禁止个人发布麻黄碱、高锰酸钾等易制毒化学品销售信息；企业须公示许可证编号。违规信息将被删除并报送公安机关。\n\n联系供应商 | 在线洽谈", false},
		{"es", "COFEPRIS emite alerta por venta en línea de seudoefedrina", "La COFEPRIS alertó sobre páginas que ofrecen seudoefedrina «sin receta» y con envío discreto por WhatsApp. La autoridad recuerda que su venta está restringida.", false},
		{"de", "Verbotene Artikel: Chemikalien", "Folgende Stoffe dürfen nicht angeboten werden: Ephedrin, Safrol, Phenylaceton. Verstöße werden gelöscht.\n\nAnbieter kontaktieren", false},
		{"fr", "Produits interdits — Chimie", "Les produits suivants ne peuvent pas être mis en vente : éphédrine, safrole. Contacter le fournisseur", false},
		// Offers on the same portal stay offers.
		{"en", "Ephedrine HCl 99% powder, 1 kg", "CAS 50-98-6. Stealth shipping, payment in BTC only.\n\nContact Supplier | Chat Now | Report this listing", true},
		{"zh", "麻黄碱 99% 1kg", "现货，安全到货，联系供应商。", true},
	})
}

// TestGap29PaymentRowAndSocialList: a payment-badge row that offers crypto
// beside cards, transfer or PayPal is no crypto-only payment, and a
// messenger named in a list of social networks with no handle, number or
// link ("Follow us: Facebook · Instagram · WhatsApp") is no contact; a
// seller's "Payment: BTC only" and "contact via Telegram" stay indicators.
func TestGap29PaymentRowAndSocialList(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "Ácido clorhídrico 32 %, 20 L", "CAS 7647-01-0.\nAceptamos: transferencia, tarjeta, PayPal, Bitcoin", false},
		{"vi", "Acetone 99,5% phuy 160 kg", "CAS 67-64-1.\nThanh toán: chuyển khoản, COD, PayPal, USDT", false},
		{"en", "Formamide 99.5%", "CAS 75-12-7.\nWe accept: Cash · Cheque · NEFT/RTGS · UPI · PayPal · Western Union · Bitcoin", false},
		{"en", "Acetone 99.5%", "CAS 67-64-1.\nWe accept: PayPal | Western Union | MoneyGram | Bitcoin (BTC) | USDT | Bank Transfer", false},
		{"uk", "Нітроетан 99%, 1 л", "CAS 79-24-3.\nСпособи оплати: безготівковий розрахунок, картка, PayPal, Bitcoin", false},
		{"en", "Toluene 99.9%, 200 L", "CAS 108-88-3.\nFollow us: Facebook · Instagram · WhatsApp · YouTube", false},
		{"de", "Toluol 99,9 %, 200 L", "CAS 108-88-3.\nFolgen Sie uns: Facebook · Instagram · Telegram", false},
		{"en", "Acetone 99.5%", "CAS 67-64-1. Payment: BTC only.", true},
		{"en", "Acetone 99.5%", "CAS 67-64-1. Payment: USDT or BTC, no bank transfer.", true},
		{"en", "Toluene 99.9%", "CAS 108-88-3. Contact via Telegram.", true},
		{"en", "Toluene 99.9%", "CAS 108-88-3. Contact: Facebook · WhatsApp · Telegram", true},
	})
}

// TestGap29PortalFooter: a portal's copyright footer that gives the
// portal's own customer-service WhatsApp ("GlobalChemSource © 2026 ·
// Customer service WhatsApp +44 …") is the site's contact, not the
// seller's, when the seller is not the portal (heldout29 l0094); the
// number stays an observable. A shop that is its own seller, and a
// seller's number in the body, keep the indicator.
func TestGap29PortalFooter(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		l    precwatch.Listing
		want bool
	}{
		{precwatch.Listing{Platform: "GlobalChemSource", Title: "Acetone 99.5% industrial grade", Seller: "Zhejiang Jiahua Solvents",
			Description: "CAS No.: 67-64-1\nPacking: 160 kg drums\n\nGlobalChemSource © 2026 · Customer service (site) WhatsApp +44 7700 900123 · Terms · Privacy"}, false},
		{precwatch.Listing{Platform: "ChemHub", Title: "Toluene 99.9%", Seller: "Gulf Aromatics FZE",
			Description: "CAS 108-88-3, ISO tank.\n© 2026 ChemHub. All rights reserved. Help desk: Telegram @chemhub_help"}, false},
		// The seller's own contact in the body stays.
		{precwatch.Listing{Platform: "GlobalChemSource", Title: "Acetone 99.5% industrial grade", Seller: "Zhejiang Jiahua Solvents",
			Description: "CAS No.: 67-64-1\nSales manager WhatsApp +86 138 0013 8000\n\nGlobalChemSource © 2026 · Customer service (site) WhatsApp +44 7700 900123"}, true},
		// A shop that is its own seller, or names no seller: its footer
		// contact is the seller's.
		{precwatch.Listing{Platform: "SolventShop", Title: "Acetone 99.5% industrial grade",
			Description: "CAS No.: 67-64-1\n\nSolventShop © 2026 · WhatsApp +44 7700 900123"}, true},
		{precwatch.Listing{Platform: "SolventShop", Title: "Acetone 99.5% industrial grade", Seller: "SolventShop",
			Description: "CAS No.: 67-64-1\n\nSolventShop © 2026 · WhatsApp +44 7700 900123"}, true},
	} {
		got := m.Match(&tc.l)
		if got.Suspicious != tc.want {
			t.Errorf("%q: suspicious %v (score %.2f), want %v; explain %q", tc.l.Description, got.Suspicious, got.Score, tc.want, got.Explain)
		}
		if len(got.Observables) == 0 {
			t.Errorf("%q: no observable, want the number or handle", tc.l.Description)
		}
	}
}
