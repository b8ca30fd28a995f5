package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// Fixes of held-out round 13 (testdata/heldout13: a general marketplace
// feed); each test fails on the code before its fix.

// gap13Case is one listing and its expected verdict and offered primary
// CAS numbers.
type gap13Case struct {
	title, desc, price string
	suspicious         bool
	cas                []string
}

// gap13Run matches each case and compares the verdict and the offered
// primary CAS numbers.
func gap13Run(t *testing.T, cases []gap13Case) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc, Price: tc.price})
		if got.Suspicious != tc.suspicious {
			t.Errorf("title %q desc %q: suspicious %v, want %v (explain %q)", tc.title, tc.desc, got.Suspicious, tc.suspicious, got.Explain)
		}
		if cas := offeredCAS(got); !equalStrings(cas, tc.cas) {
			t.Errorf("title %q desc %q: CAS %v, want %v", tc.title, tc.desc, cas, tc.cas)
		}
	}
}

// TestGap13EsterWordOrder: Romance names that put the ester before the
// abbreviation, with or without "di"/"de" ("Glicidato di metile PMK",
// z0138), name the ester, not PMK or BMK.
func TestGap13EsterWordOrder(t *testing.T) {
	gap13Run(t, []gap13Case{
		{title: "Glicidato di metile PMK 1 kg", desc: "Glicidato di metile di PMK, polvere bianca, 1 kg.", price: "500 €", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Glicidato de metilo PMK 1 kg", price: "500 €", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Glicidato de metila PMK 1 kg", price: "500 €", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Glycidate de méthyle PMK 1 kg", price: "500 €", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Glicidato di etile di PMK 1 kg", price: "500 €", suspicious: true, cas: []string{"28578-16-7"}},
		{title: "Glicidato di etile di BMK 1 kg", price: "500 €", suspicious: true, cas: []string{"41232-97-7"}},
		{title: "Glicidato de etila BMK 1 kg", price: "500 €", suspicious: true, cas: []string{"41232-97-7"}},
	})
}

// TestGap13BocPiperidoneCJK: the Chinese names of 1-boc-4-piperidone with
// an N- locant or a bracketed Boc group (z0199 "N-叔丁氧羰基-4-哌啶酮"), and
// "Boc-4-…" without a locant in any script, are that substance, so the
// 4-哌啶酮 / 4-piperidone inside them is no second one.
func TestGap13BocPiperidoneCJK(t *testing.T) {
	gap13Run(t, []gap13Case{
		{title: "1-boc-4-哌啶酮 现货", desc: "N-叔丁氧羰基-4-哌啶酮，99%，现货100kg。", price: "私聊", suspicious: true, cas: []string{"79099-07-3"}},
		{title: "1-(叔丁氧羰基)-4-哌啶酮 99% 现货", price: "私聊", suspicious: true, cas: []string{"79099-07-3"}},
		{title: "4-氧代哌啶-1-羧酸叔丁酯 99% 现货", price: "私聊", suspicious: true, cas: []string{"79099-07-3"}},
		// Without a locant, as vendors write it.
		{title: "Boc-4-哌啶酮 99% 1kg", price: "$100", suspicious: true, cas: []string{"79099-07-3"}},
		{title: "Boc-4-piperidone 99% 1kg", price: "$100", suspicious: true, cas: []string{"79099-07-3"}},
		// The bare name stays 4-piperidone.
		{title: "4-哌啶酮 99% 现货", price: "私聊", suspicious: true, cas: []string{"41661-47-6"}},
	})
}

// TestGap13FinishedPerfume: a finished perfume, a decant or a sample of one
// names its notes (z0077 オードトワレ, z0102 "perfume decant"): the piperonal
// is named, not offered. The raw material sold for perfumery (z0065,
// z0123) is still the Table I chemical offered.
func TestGap13FinishedPerfume(t *testing.T) {
	gap13Run(t, []gap13Case{
		{title: "Niche perfume decant 10ml – powdery heliotropin / piperonal note", desc: "Decant from my bottle, 10 ml glass atomizer. Powdery almond-cherry vibe from heliotropin (piperonal) with iris and musk.", price: "$22", cas: []string{"120-57-0"}},
		{title: "香水 オードトワレ 50ml ヘリオトロピン配合", desc: "数回使用しました。パウダリーなヘリオトロピンとバニラの香り。", price: "¥3,800", cas: []string{"120-57-0"}},
		{title: "Туалетная вода 50 мл, гелиотропин", desc: "Ноты: гелиотропин, ваниль.", price: "2500 ₽", cas: []string{"120-57-0"}},
		{title: "Heliotropin crystals 250 g – perfumery raw material", desc: "Heliotropin, powdery cherry-almond note, 250 g pouch. Perfect for DIY perfumes and soap.", price: "$45", suspicious: true, cas: []string{"120-57-0"}},
		{title: "Vendo piperonal 500g (heliotropina) para perfumaria", desc: "Piperonal / heliotropina CAS 120-57-0, 99%, cristais brancos.", price: "R$ 390,00", suspicious: true, cas: []string{"120-57-0"}},
		{title: "Piperonal 100 g", desc: "Perfume grade, for perfume makers. Decanted from a 1 kg drum.", price: "$30", suspicious: true, cas: []string{"120-57-0"}},
		{title: "Piperonal 500 g", desc: "Perfume tester free with every order.", price: "$50", suspicious: true, cas: []string{"120-57-0"}},
		{title: "胡椒醛 99% 1kg", desc: "用于香水、香皂。", price: "¥300", suspicious: true, cas: []string{"120-57-0"}},
	})
}

// TestGap13RefusedIndicator: "not possible / not available" after an
// indicator phrase refuses it (z0074 "匿名配送不可"), and a shorter phrase
// inside the refused one ("匿名" in "匿名配送") goes with it. Such a cue has
// no subject of its own: it counts only right after the phrase (spaces,
// punctuation or a topic particle between), not after another noun
// ("tracking not available"), and a CJK one not when a Han character goes
// on from it ("不可追踪": untraceable).
func TestGap13RefusedIndicator(t *testing.T) {
	gap13Run(t, []gap13Case{
		{title: "アセトン 500ml ネイルオフ用", desc: "アセトン100%、500ml。匿名配送不可（危険物のため）ゆうパックで発送します。", price: "¥1,200", cas: []string{"67-64-1"}},
		{title: "アセトン 500ml ネイルオフ用", desc: "アセトン100%、500ml。匿名配送はできません。", price: "¥1,200", cas: []string{"67-64-1"}},
		{title: "Acetone 1 L", desc: "Stealth shipping not available for hazmat.", price: "$12", cas: []string{"67-64-1"}},
		{title: "Aceton 1 L", desc: "Diskreter Versand nicht verfügbar.", price: "12 €", cas: []string{"67-64-1"}},
		{title: "Ацетон 1 л", desc: "Анонимная доставка невозможна.", price: "300 ₽", cas: []string{"67-64-1"}},
		{title: "アセトン 1L", desc: "匿名配送には対応していません。", price: "¥1,200", cas: []string{"67-64-1"}},
		{title: "丙酮 99% 1升", desc: "不支持匿名发货。", price: "¥50", cas: []string{"67-64-1"}},
		// Not refused.
		{title: "アセトン 500ml", desc: "アセトン100%、500ml。匿名配送で発送します。", price: "¥1,200", suspicious: true, cas: []string{"67-64-1"}},
		{title: "丙酮 99% 1升", desc: "匿名发货，不能退货。", price: "¥50", suspicious: true, cas: []string{"67-64-1"}},
		{title: "Acetona 1 L", desc: "Envío discreto, no se puede rastrear.", price: "10 €", suspicious: true, cas: []string{"67-64-1"}},
		{title: "丙酮 500ml", desc: "隐秘包装不可追踪。", price: "¥50", suspicious: true, cas: []string{"67-64-1"}},
		{title: "Acetone 1 L", desc: "Stealth shipping available.", price: "$12", suspicious: true, cas: []string{"67-64-1"}},
		{title: "Acetone 1 L", desc: "Stealth shipping, tracking not available.", price: "$12", suspicious: true, cas: []string{"67-64-1"}},
		{title: "Acetone 1 L", desc: "Stealth shipping (not available for hazmat).", price: "$12", cas: []string{"67-64-1"}},
	})
}

// TestGap13BuyRequest: a mention a few words after a buy-request cue
// ("WTB", "looking to buy", "Suche", "куплю"), or right before one in the
// languages that put it after the noun ("求む", "삽니다", "alınır",
// "gesucht"), is asked for, not offered,
// even with a messenger contact and crypto payment (z0025). A question
// after the mention is a seller's hook, and a mention far from the cue or
// in another sentence is offered.
func TestGap13BuyRequest(t *testing.T) {
	gap13Run(t, []gap13Case{
		{title: "WTB ephedrine HCl 500 g – paying crypto", desc: "Looking to BUY ephedrine hcl, 500g. Will pay BTC/XMR. Contact telegram @buyer_pete", cas: []string{"299-42-3"}},
		{title: "Куплю эфедрин 100 г", desc: "Куплю эфедрин, оплата BTC, пишите в телеграм @buyer_ru", cas: []string{"299-42-3"}},
		{title: "Suche Pseudoephedrin 1 kg", desc: "Suche Pseudoephedrin, zahle bar. Telegram @kaeufer", cas: []string{"90-82-4"}},
		// Cues after the noun (ja, ko, tr, de).
		{title: "エフェドリン 100g 求む", desc: "テレグラム @kaitai で連絡ください", cas: []string{"299-42-3"}},
		{title: "에페드린 삽니다", desc: "텔레그램 @buyer", cas: []string{"299-42-3"}},
		{title: "Efedrin alınır", desc: "telegram @alici", cas: []string{"299-42-3"}},
		{title: "Pseudoephedrin gesucht", desc: "Telegram @kaeufer", cas: []string{"90-82-4"}},
		// Offers.
		{title: "Efedrin alınır satılır", desc: "telegram @tuccar", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Looking to buy ephedrine HCl? We have 1 kg in stock", desc: "Contact telegram @seller_x", price: "$900", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Ephedrine HCl 500 g", desc: "WTB? No, we sell: ephedrine HCl 99%, telegram @seller_y", price: "$500", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Ephedrine HCl 1 kg, 99%", desc: "We ship worldwide. Buyers looking to buy in bulk get a discount.", price: "$800", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Best supplier 2026", desc: "If you are looking to buy ephedrine HCl, contact us on telegram @seller_z", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Compro y vendo efedrina", desc: "Pago en BTC, telegram @vendedor", suspicious: true, cas: []string{"299-42-3"}},
		{title: "WTB/WTS ephedrine 1 kg", desc: "telegram @trader", suspicious: true, cas: []string{"299-42-3"}},
		{title: "Looking to buy from distributors of ephedrine", desc: "telegram @trader", suspicious: true, cas: []string{"299-42-3"}},
	})
}

// TestGap13NewsCues: news and enforcement words in German, French and the
// other main languages make a page that names a substance a report
// (z0029 "Zoll stellt 500 kg Pseudoephedrin sicher … Ermittler vermuten …
// Crystal-Labor"), though it quotes a quantity and a delivery.
func TestGap13NewsCues(t *testing.T) {
	gap13Run(t, []gap13Case{
		{title: "Zoll stellt 500 kg Pseudoephedrin sicher", desc: "Die Ware war als Vitamin C deklariert. Ermittler vermuten eine Lieferung an ein Crystal-Labor in Tschechien.", cas: []string{"90-82-4"}},
		{title: "Drogenlabor ausgehoben: 200 Liter Safrol", desc: "Die Staatsanwaltschaft ermittelt; bei der Razzia wurde eine Lieferung aus den Niederlanden gefunden.", cas: []string{"94-59-7"}},
		{title: "Démantèlement d'un laboratoire: 300 kg d'éphédrine", desc: "Les enquêteurs soupçonnent une livraison vers la Belgique.", cas: []string{"299-42-3"}},
		// An offer with a delivery word stays an offer.
		{title: "Pseudoephedrin 500 kg", desc: "Lieferung in die EU, Telegram @verkauf", suspicious: true, cas: []string{"90-82-4"}},
	})
}

// TestGap13GBLContext: the French, Spanish and German words for cleaner and
// solvent (the way GBL is sold and shipped: "nettoyant pour jantes") are
// chemical context for the abbreviation GBL, as "cleaner" and "solvent"
// are (z0192); GBL without context stays out.
func TestGap13GBLContext(t *testing.T) {
	gap13Run(t, []gap13Case{
		{title: "Démantèlement d'un réseau vendant de la GBL sur Telegram", desc: "Les enquêteurs ont identifié des vendeurs proposant de la GBL sur Telegram, expédiée comme « nettoyant pour jantes ».", cas: []string{"96-48-0"}},
		{title: "GBL limpiador para llantas 1 L", desc: "Envío discreto.", price: "40 €", suspicious: true, cas: []string{"96-48-0"}},
		{title: "GBL Felgenreiniger 1 L", price: "40 €", cas: []string{"96-48-0"}},
		{title: "GBL Bank annual report", desc: "Telegram channel for shareholders.", cas: nil},
	})
}
