package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// verdictCase is one listing of a gap test and its expected verdict
// (rounds 16 and 17).
type verdictCase struct {
	lang, title, desc string
	want              bool
}

// runVerdicts matches every case and reports each wrong verdict.
func runVerdicts(t *testing.T, cases []verdictCase) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		if got.Suspicious != tc.want {
			t.Errorf("[%s] title %q desc %q: suspicious %v (score %.2f), want %v; explain %q",
				tc.lang, tc.title, tc.desc, got.Suspicious, got.Score, tc.want, got.Explain)
		}
	}
}

// TestGap16SafetyTips: a marketplace's safety tip warns buyers against
// messengers and crypto ("scammers often ask you to move to Telegram");
// appended to a plain Table II listing it is no risk indicator of the
// offer (heldout16 v0003, v0005, v0027, v0045, v0073, v0085, v0104, v0108,
// v0124, v0145, v0154). A seller's own channel stays an indicator: a
// handle or number is an observable, and a warning in another clause
// ("beware of fakes, order via Telegram") warns of nothing.
func TestGap16SafetyTips(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Toluene 99.9%, 20 L", "Industrial solvent, drums. Stay safe: fraudsters may try to take the chat to WhatsApp or ask for payment in bitcoin.", false},
		{"de", "Aceton 99,5 %, 10 L", "Technische Qualität. Achtung: Betrüger wollen oft per Telegram weiterschreiben.", false},
		{"es", "Acetona 99,5%, 20 L", "Grado industrial. Ojo: los estafadores piden seguir la charla por Telegram.", false},
		{"ru", "Толуол (toluene) 20 л", "Технический. Внимание: мошенники предлагают продолжить общение в Telegram.", false},
		{"pl", "Aceton (acetone) 10 l", "Techniczny. Uwaga, oszuści proszą o kontakt przez WhatsApp.", false},
		{"ja", "アセトン 18L", "工業用です。Telegramなど外部アプリでの取引にはご注意ください。", false},
		{"zh", "丙酮 99.5% 200L", "工业级。如对方要求通过Telegram联系，请提高警惕。", false},
		{"th", "Acetone 99.5%, 20 L", "เกรดอุตสาหกรรม มิจฉาชีพมักขอให้คุยทางเทเลแกรม", false},
		// Offers that keep their indicator.
		{"en", "Toluene 99.9%, 20 L", "Beware of fake sellers, we only take orders on Telegram.", true},
		{"en", "Toluene 99.9%, 20 L", "Scammers copy our ads! Our only Telegram: @real_toluene_shop", true},
		{"en", "Toluene 99.9%, 20 L", "Not a scammer, order via Telegram.", true},
		{"en", "Toluene 99.9%, 20 L", "Beware of fakes - order only via Wickr.", true},
	})
}

// TestGap16SupplierFAQ: a supplier page's FAQ ("Q: What is your lead
// time?") and the marketplace's "Report this item" link hold the report
// words "what is" and "report"; with "FAQ" they made a Table I offer read
// as a page that names substances without offering them (heldout16 v0016,
// v0068). An explainer page keeps its report words.
func TestGap16SupplierFAQ(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Phenylacetic acid 99% flakes", "White flakes, assay 99%. FAQ: Q: What is your lead time? A: 3-5 days after payment. Q: Do you provide COA? A: Yes. Report this item",
			true},
		{"en", "Potassium permanganate 99.3%, 25 kg drum", "Dark purple crystals. Frequently asked questions. Q: What are your payment terms? A: T/T. Report abuse | Privacy", true},
		{"en", "What is phenylacetone? FAQ", "FAQ. What is phenylacetone (P2P)? It is a Table I precursor under the 1988 Convention; this report explains the rules.", false},
	})
}

// TestGap16AuthorityAlone: a bare authority noun (customs, police,
// authorities) is a report word only beside a report word of another
// kind; on its own it made offers read as news, as the Korean 세관 did
// before round 15 (heldout14 i0231). Checked in every language the news
// cues cover: the offers below name the authority to say it is no
// obstacle, and each carries a crypto-only indicator. Reports that name
// an authority and a report verb stay reports.
func TestGap16AuthorityAlone(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fr", "Acétone 25 L", "Acétone technique. Douane : pas de souci, règlement uniquement en bitcoin.", true},
		{"nl", "Aceton 25 L", "Technisch aceton. Douane geen probleem, alleen bitcoin.", true},
		{"ja", "アセトン 18L", "工業用。税関の心配なし、ビットコインのみ。", true},
		{"fi", "Asetoni (acetone) 10 l", "Tekninen laatu. Tulli ei ole ongelma, vain bitcoin.", true},
		{"uk", "Ацетон (acetone) 10 л", "Технічний. Митниця не проблема, лише біткоїн.", true},
		{"es", "Acetona 99,5%, 20 L", "Grado técnico. Autoridades no revisan, solo bitcoin.", true},
		{"tr", "Aseton (acetone) 10 L", "Teknik. Polis sorun değil, sadece bitcoin.", true},
		{"id", "Aseton (acetone) 10 L", "Teknis. Polisi tidak masalah, hanya bitcoin.", true},
		{"pl", "Aceton (acetone) 10 l", "Techniczny. Celnicy nie sprawdzają, tylko bitcoin.", true},
		// Reports.
		{"es", "Aseguran 800 kg de efedrina en Veracruz", "La Marina aseguró 800 kilos de efedrina; la Fiscalía abrió una carpeta de investigación.", false},
		{"cs", "Policie zajistila 50 kg efedrinu", "Zadrženi byli dva muži.", false},
		{"pt", "Polícia Federal apreende 300 kg de efedrina", "A carga veio da Ásia, informou a PF.", false},
		{"id", "Polisi menyita 20 kg efedrin", "Barang bukti diduga akan diolah menjadi sabu.", false},
	})
}

// TestGap16ShareBar: a share bar of a news or listing page ("Comparte
// esta nota: Facebook | WhatsApp | X") names messengers as buttons, not
// as a contact (heldout16 v0060, v0087).
func TestGap16ShareBar(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Acetone 99.5%, 200 L drum", "Technical grade acetone, drums. Share: Facebook | WhatsApp | Telegram", false},
		{"de", "Aceton 99,5 %, 10 L", "Technische Qualität, Kanister. Teilen: Facebook | WhatsApp | Telegram", false},
		{"en", "Acetone 99.5%, 200 L drum", "Technical grade acetone, drums. Orders: WhatsApp or Telegram only.", true},
	})
}

// TestGap16ReportCues: report and regulation pages of languages whose
// news cues were thin: an official notice (的通知), a compliance guide
// ("under federal law", "not legal advice"), a Vietnamese ministry item
// on drug precursors, a Russian legal explainer (heldout16 v0023, v0072,
// v0075, v0087).
func TestGap16ReportCues(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "关于加强麻黄碱类药品销售管理的通知", "各药品零售企业：销售含麻黄碱类复方制剂应当查验身份证并登记。", false},
		{"en", "Pseudoephedrine sales: a compliance guide for pharmacies", "Under federal law, sales of pseudoephedrine products are limited to 3.6 g per day. This is not legal advice.", false},
		{"vi", "Quy định mới về thuốc chứa pseudoephedrin", "Nhằm ngăn chặn việc sử dụng làm tiền chất ma túy, nhà thuốc phải ghi chép khi bán pseudoephedrin.", false},
		{"ru", "Можно ли продавать марганцовку", "В статье юрист разъясняет, кому разрешена продажа перманганата калия. Эксперт напоминает о штрафах.", false},
		// An offer keeps its verdict.
		{"ru", "Перманганат калия 1 кг", "Продажа перманганата калия, 1 кг, без лицензии и документов.", true},
	})
}

// TestGap16SharedMessengerNumber: one number announced for two or more
// messengers ("WhatsApp/Signal: +86 …") is an observable of each; only
// the messenger nearest the number got it before.
func TestGap16SharedMessengerNumber(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []precwatch.Observable
	}{
		{"Contact Mr. Li - WhatsApp/Signal: +86 555 0199 2231", []precwatch.Observable{
			{Type: precwatch.ObservableWhatsApp, Value: "+8655501992231"}, {Type: precwatch.ObservableSignal, Value: "+8655501992231"}}},
		{"Signal or WhatsApp: +44 555 0100 200", []precwatch.Observable{
			{Type: precwatch.ObservableWhatsApp, Value: "+445550100200"}, {Type: precwatch.ObservableSignal, Value: "+445550100200"}}},
		{"WhatsApp / Telegram / Viber: +380 555 010 777", []precwatch.Observable{
			{Type: precwatch.ObservableWhatsApp, Value: "+380555010777"}, {Type: precwatch.ObservableTelegram, Value: "+380555010777"}}},
	} {
		got := Observables(tc.text)
		for _, w := range tc.want {
			found := false
			for _, o := range got {
				if o == w {
					found = true
				}
			}
			if !found {
				t.Errorf("Observables(%q) = %v, want %v among them", tc.text, got, w)
			}
		}
	}
}

// TestGap16SpelledOutAcronym: an ambiguous abbreviation spelled out in
// brackets as something else ("PMK (Pimp My Keyboard)", "nuclear power
// plant (NPP)") names no substance anywhere in the listing, whatever
// chemical words a page footer adds (heldout16 v0131; heldout15 h0085
// "MEK (mesin es krim)"). Spelled out as the substance it stays one.
func TestGap16SpelledOutAcronym(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		title, desc string
		want        []string
	}{
		{"NMF keycaps, liquid-proof, in stock", "NMF (Nordic Mechanical Forge) keycaps, liquid resistant coating, purity of colour. Related searches: chemical, reagent, powder", nil},
		{"Cooling oil for the nuclear power plant (NPP) in stock", "Turbine oil, liquid, 200 L drums, purity 99%.", nil},
		{"MMA (mixed martial arts) gloves, powder blue", "Liquid-resistant leather, in stock.", nil},
		{"BMK (benzyl methyl ketone) 1 L", "Liquid, purity 99%, in stock.", []string{"103-79-7"}},
		{"PMK oil, purity 99%", "PMK (piperonyl methyl ketone) liquid, in stock.", []string{"4676-39-5"}},
	} {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		var cas []string
		for _, s := range got.Substances {
			if !s.Negated {
				cas = append(cas, s.CAS)
			}
		}
		if len(cas) != len(tc.want) || len(cas) > 0 && cas[0] != tc.want[0] {
			t.Errorf("title %q desc %q: substances %v, want %v; explain %q", tc.title, tc.desc, cas, tc.want, got.Explain)
		}
	}
}

// TestGap16CodeCollisions: P2P cameras, BMK engine and product codes and
// PPA engineering plastic (the French "polyphtalamide" spelling, glass
// fibre grades) are not the precursors (heldout16 v0131, v0133, v0158).
func TestGap16CodeCollisions(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"pl", "Kamera IP P2P 5MP, kod BMK", "Kamera z obsługą P2P, aplikacja w chmurze, w magazynie.", false},
		{"en", "Wi-Fi camera with P2P cloud access", "Outdoor IP camera, P2P access, in stock, liquid-proof IP67.", false},
		{"de", "Audi A4 Motor BMK 2.5 TDI", "Motor mit Motorkennbuchstabe BMK, Getriebe, Ölkühler, in stock.", false},
		{"fr", "PPA GF30 noir, 25 kg", "Polyphtalamide chargé 30 % fibres de verre, sac de 25 kg.", false},
		{"en", "BMK oil (P2P) 1 L, purity 99%", "Phenylacetone, in stock.", true},
	})
}

// TestGap16NegationAfterBracket: an after-negation cue that follows a
// short bracket after the name ("エフェドリン（麻黄）不使用", "ephedrine
// (ma huang) free") negates the name (heldout16 v0022).
func TestGap16NegationAfterBracket(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		title, desc string
		negated     bool
	}{
		{"のど飴 30粒", "ハーブ配合。エフェドリン（エフェドラ）不使用。", true},
		{"Herbal throat drops 30 pcs", "Thyme and sage, ephedrine (ma huang) free, sugar free.", true},
		{"Ephedrine HCl (99%) free shipping", "Ephedrine hydrochloride 99%, 100 g, in stock.", false},
	} {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		neg := len(got.Substances) > 0
		for _, s := range got.Substances {
			if s.CAS == "299-42-3" && !s.Negated {
				neg = false
			}
		}
		if neg != tc.negated {
			t.Errorf("title %q desc %q: ephedrine negated %v, want %v; explain %q", tc.title, tc.desc, neg, tc.negated, got.Explain)
		}
	}
}

// TestGap16ClassPlural: "Piperidines" in a catalogue breadcrumb names the
// class of compounds, not piperidine (heldout16 v0024); the German and
// Polish forms stay names of it.
func TestGap16ClassPlural(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		desc string
		want bool
	}{
		{"Home > Building Blocks > Piperidines > 4-Anilinopiperidine, in stock.", false},
		{"Piperidin 99 %, 1 L, auf Lager.", true},
		{"Piperidine 99%, 1 L, in stock.", true},
	} {
		got := m.Match(&precwatch.Listing{Title: "Catalogue item", Description: tc.desc})
		has := false
		for _, s := range got.Substances {
			if s.CAS == "110-89-4" && !s.Negated {
				has = true
			}
		}
		if has != tc.want {
			t.Errorf("desc %q: piperidine %v, want %v; substances %+v", tc.desc, has, tc.want, got.Substances)
		}
	}
}

// TestGap16HonestDeclaration: "we declare the full value on customs
// forms" is an honest customs declaration, not a mislabelling (heldout16
// v0010).
func TestGap16HonestDeclaration(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Hydrochloric acid 33%, 2 x 5 L", "Pool pH minus. For export we declare the real value and contents as the law requires.", false},
		{"en", "Hydrochloric acid 33%, 2 x 5 L", "We declare truthfully on every customs form; duties are paid by the buyer.", false},
		{"en", "Hydrochloric acid 33%, 2 x 5 L", "For export we declare it as pool cleaner to avoid questions.", true},
	})
}
