package matchers

import (
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGapLead17Anonymous: "anonymous shipping / packing" is stealth packaging
// in every language of a 30-language probe, as "discreet shipping" already
// was; so are the discreet and plain packing wordings the probe found
// missing (id, hi, da, cs, sk). An anonymous review or survey is not.
func TestGapLead17Anonymous(t *testing.T) {
	runIndCases(t, []indCase{
		{"Sulfuric acid 98% 25 L", "Anonymous shipping to your door.", "stealth-packaging", true},
		{"Schwefelsäure 98 % 25 L", "Anonymer Versand, anonyme Verpackung.", "stealth-packaging", true},
		{"Acide sulfurique 98 % 25 L", "Envoi anonyme partout.", "stealth-packaging", true},
		{"Ácido sulfúrico 98 % 25 L", "Envío anónimo garantizado.", "stealth-packaging", true},
		{"Ácido sulfúrico 98% 25 L", "Envio anônimo.", "stealth-packaging", true},
		{"Zwavelzuur 98% 25 L", "Anonieme verzending.", "stealth-packaging", true},
		{"Kwas siarkowy 98% 25 l", "Anonimowa paczka.", "stealth-packaging", true},
		{"Kyselina sírová 98 % 25 l", "Anonymní balení, nenápadné balení.", "stealth-packaging", true},
		{"Sülfürik asit %98 25 L", "Anonim kargo ile gönderim.", "stealth-packaging", true},
		{"Kénsav 98% 25 l", "Anonim csomagolás.", "stealth-packaging", true},
		{"Acid sulfuric 98% 25 L", "Colet anonim.", "stealth-packaging", true},
		{"Θειικό οξύ 98% 25 L", "Ανώνυμη αποστολή.", "stealth-packaging", true},
		{"Svovlsyre 98 % 25 L", "Diskret indpakning, anonym forsendelse.", "stealth-packaging", true},
		{"Rikkihappo 98 % 25 L", "Anonyymi paketti.", "stealth-packaging", true},
		{"Сярна киселина 98% 25 л", "Анонимна доставка.", "stealth-packaging", true},
		{"Сірчана кислота 98% 25 л", "Анонімна упаковка.", "stealth-packaging", true},
		{"חומצה גופרתית 98% 25 ליטר", "משלוח אנונימי.", "stealth-packaging", true},
		{"Asam sulfat 98% 25 L", "Pengemasan rahasia.", "stealth-packaging", true},
		{"सल्फ्यूरिक एसिड 98% 25 लीटर", "गुप्त पैकेजिंग।", "stealth-packaging", true},
		// An anonymous review, survey or donor is no parcel.
		{"Sulfuric acid 98% 25 L", "Read our anonymous customer reviews.", "stealth-packaging", false},
		{"Schwefelsäure 98 % 25 L", "Anonyme Kundenumfrage nach dem Kauf.", "stealth-packaging", false},
		{"Kwas siarkowy 98% 25 l", "Anonimowa ankieta po zakupie.", "stealth-packaging", false},
	})
}

// TestGapLead17Crypto: inflected crypto words the probe of "payment only in
// crypto" in 27 languages found missing: Italian plural "criptovalute",
// Hungarian "kriptóban", Russian accusative "крипту".
func TestGapLead17Crypto(t *testing.T) {
	runIndCases(t, []indCase{
		{"Toluene 200 L", "Si accettano solo criptovalute.", "crypto-payment", true},
		{"Toluen 200 L", "Fizetés csak kriptóban.", "crypto-payment", true},
		{"Толуол 200 л", "Принимаем только крипту.", "crypto-payment", true},
		{"Toluene 200 L", "Pagamento con bonifico o carta.", "crypto-payment", false},
	})
}

// TestGapLead17Prescription: "without a prescription" in Hindi with the
// oblique "पर्चे के", Swahili "bila agizo la daktari" and Slovak "bez
// (lekárskeho) predpisu"; the OTC status of a medicine stays no indicator
// ("बिना पर्चे के मिलने वाली दवा", "liek bez lekárskeho predpisu").
func TestGapLead17Prescription(t *testing.T) {
	runIndCases(t, []indCase{
		{"Sudafed pseudoephedrine 60 mg, 2 packs", "बिना पर्चे के।", "no-paperwork", true},
		{"Sudafed pseudoephedrine 60 mg, 2 packs", "बिना पर्ची के भेजते हैं।", "no-paperwork", true},
		{"Sudafed pseudoephedrine 60 mg, pakiti 2", "Bila agizo la daktari.", "no-paperwork", true},
		{"Sudafed pseudoefedrín 60 mg, 2 balenia", "Bez predpisu, pošleme hneď.", "no-paperwork", true},
		{"Sudafed pseudoefedrín 60 mg, 2 balenia", "Bez lekárskeho predpisu.", "no-paperwork", true},
		{"Sudafed pseudoephedrine 60 mg", "बिना पर्चे के मिलने वाली दवा (OTC)।", "no-paperwork", false},
		{"Sudafed pseudoephedrine 60 mg", "बिना पर्ची के मिलने वाली दवा।", "no-paperwork", false},
		{"Sudafed pseudoefedrín 60 mg", "Liek bez lekárskeho predpisu, voľnopredajný.", "no-paperwork", false},
		{"Sudafed pseudoefedrín 60 mg", "Lieky bez receptu v našej lekárni.", "no-paperwork", false},
		// The Czech OTC category "bez předpisu s omezením" (heldout56 zy0047).
		{"Nurofen Stopgrip 24 tablet", "Lék bez předpisu s omezením.", "no-paperwork", false},
		{"Sudafed 60 mg, 2 balení", "Bez předpisu, pošlu hned.", "no-paperwork", true},
	})
}

// TestGapLead17Seizures: "police / customs seized N kg of …" in the
// languages of a 40-language probe whose seizure verbs were missing (hu, bg,
// sw, et, sq, mk, az, kk, mn, no, ms, ha) is a report, not an offer; an
// offer that names the police or customs as no problem stays an offer.
func TestGapLead17Seizures(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"hu", "Hírek", "A rendőrség 500 kg BMK-glicidátot foglalt le a kikötőben.", false},
		{"bg", "Новини", "Полицията иззе 500 кг BMK глицидат на пристанището във Варна.", false},
		{"sw", "Habari", "Polisi walikamata kilo 500 za BMK glycidate katika bandari ya Dar es Salaam.", false},
		{"et", "Uudised", "Tolliametnikud konfiskeerisid veoautost 200 liitrit safrooli.", false},
		{"sq", "Lajme", "Doganierët sekuestruan 200 litra safrol në një kamion.", false},
		{"mk", "Вести", "Цариниците запленија 200 литри сафрол во камион.", false},
		{"az", "Xəbərlər", "Gömrük işçiləri yük maşınında 200 litr safrol aşkar edib.", false},
		{"kk", "Жаңалықтар", "Кеденшілер жүк көлігінен 200 литр сафрол тәркіледі.", false},
		{"mn", "Мэдээ", "Гаалийнхан ачааны машинаас 200 литр сафрол хураан авчээ.", false},
		{"no", "Nyheter", "Tollere beslagla 200 liter safrol i en lastebil.", false},
		{"ms", "Berita", "Pegawai kastam merampas 200 liter safrol dari sebuah lori.", false},
		{"ha", "Labarai", "Jami'an kwastam sun kwace lita 200 na safrole.", false},
		{"hu", "Eladó BMK glicidát 500 kg", "A vámhivatal nem probléma, Telegram: @bmkhu", true},
		{"bg", "Продавам BMK глицидат 500 кг", "Митницата не е проблем.", true},
		{"no", "Selger safrol 200 liter", "Tollvesenet er ikke noe problem.", true},
		{"et", "Müüa safrool 200 l", "Politsei pole probleem.", true},
	})
}

// TestGapLead17CJKUnits: a Chinese, Japanese or Korean name that needs
// chemical context found none in a litre or kilogram unit of its own script
// ("乙醚 20升", "甲胺 25升", "ホルムアミド 25リットル"); nor did the Russian
// "этиловый эфир" in "25 л". Glycol ethers and amine derivatives stay out.
func TestGapLead17CJKUnits(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"zh", "乙醚 20升", "电报 @solvx", true},
		{"zh", "甲胺 25升", "电报 @solvx", true},
		{"zh", "哌啶 25千克", "电报 @solvx", true},
		{"zh", "丁酮 200升", "电报 @solvx", true},
		{"ja", "ホルムアミド 25リットル", "Telegram @solvx", true},
		{"ja", "塩酸 25リットル", "Telegram @solvx", true},
		{"ru", "Этиловый эфир 25 л", "Telegram @solvx", true},
		{"ar", "إيثر ثنائي الإيثيل 20 لتر", "Telegram @solvx", true},
		{"zh", "乙二醇乙醚 20升", "电报 @solvx", false},
		{"zh", "乙烯基乙醚 500毫升", "电报 @solvx", false},
		{"zh", "二甲胺 25升", "电报 @solvx", false},
		{"zh", "碘伏 500毫升", "电报 @solvx", false},
	})
}

// TestGapLead17SignalNumber: a Signal number without a colon ("Signal +44
// 7700 900123", "Signal - +44 …") and a signal.me phone link are Signal
// observables, as "Signal: +44 …" was; "signal.me" names the messenger. A
// bare word after "signal" is prose and a sensor's signal no contact.
func TestGapLead17SignalNumber(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		desc string
		want bool
	}{
		{"Order on Signal +44 7700 900123", true},
		{"Signal - +447700900123", true},
		{"https://signal.me/#p/+447700900123", true},
		{"Signal: +44 7700 900123", true},
		{"Signal strength 5 bars, call +44 7700 900123", false},
		{"Output signal 4-20 mA, service +44 7700 900123", false},
	} {
		res := m.Match(&precwatch.Listing{ID: "s", Title: "BMK glycidate 1 kg", Description: tc.desc})
		got := false
		for _, o := range res.Observables {
			if o.Type == precwatch.ObservableSignal && o.Value == "+447700900123" {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%q: signal observable %v, want %v (observables %v)", tc.desc, got, tc.want, res.Observables)
		}
	}
}

// TestGapLead17MessengerLinks: the link forms of the messengers a probe
// found unread or misread: Telegram invites (t.me/+HASH, t.me/joinchat/HASH,
// kept in their case), the channel preview t.me/s/NAME, the alias domain
// telegram.dog and tg://resolve links; a URL after "Telegram:" is no
// handle "@https"; t.me paths that are no handle give none; WhatsApp group
// invites and threema.id links.
func TestGapLead17MessengerLinks(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"t.me/+AbCdEfGhIjK123", []string{"telegram=t.me/+AbCdEfGhIjK123"}},
		{"join https://t.me/joinchat/AbCdEfGhIjK", []string{"url=https://t.me/joinchat/AbCdEfGhIjK", "telegram=t.me/joinchat/AbCdEfGhIjK"}},
		{"Telegram: https://t.me/s/bmk_shop", []string{"url=https://t.me/s/bmk_shop", "telegram=@bmk_shop"}},
		{"telegram.dog/bmk_shop", []string{"telegram=@bmk_shop"}},
		{"tg://resolve?domain=bmk_shop", []string{"telegram=@bmk_shop"}},
		{"Telegram: bmk_shop.", []string{"telegram=@bmk_shop"}},
		{"Telegram: www.bmk.example", []string{"url=www.bmk.example"}},
		{"t.me/addstickers/bmkpack", nil},
		{"chat.whatsapp.com/AbCdEfGhIjK12345", []string{"whatsapp=chat.whatsapp.com/AbCdEfGhIjK12345"}},
		{"threema.id/7H4XK2PQ", []string{"threema=7H4XK2PQ"}},
	} {
		var got []string
		for _, o := range obsStrings(tc.in) {
			if !strings.HasPrefix(o, "phone=") {
				got = append(got, o)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Observables(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestGapLead17MarkedEmails: e-mail addresses written with marks for '@'
// and '.' ("[@]", "(a)", a spaced "@" or ".", fullwidth "＠" and "．") or in
// words ("name at domain dot tld", any case); prose with "at", "(a)" or a
// spaced "@" is none.
func TestGapLead17MarkedEmails(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"write bmkshop at proton dot me", []string{"email=bmkshop@proton.me"}},
		{"Mail: bmkshop AT protonmail DOT com", []string{"email=bmkshop@protonmail.com"}},
		{"sales at chem-supply dot co dot uk", []string{"email=sales@chem-supply.co.uk"}},
		{"bmkshop [@] proton [.] me", []string{"email=bmkshop@proton.me"}},
		{"bmkshop @ proton . me", []string{"email=bmkshop@proton.me"}},
		{"bmkshop (a) proton (.) me", []string{"email=bmkshop@proton.me"}},
		{"bmkshop＠proton．me", []string{"email=bmkshop@proton.me"}},
		{"Meet at noon. Price @ 5 USD . Call", nil},
		{"Answer (a) or (b). Delivery at home dot", nil},
		{"Made at Lab dot 5", nil},
	} {
		var got []string
		for _, o := range obsStrings(tc.in) {
			if strings.HasPrefix(o, "email=") {
				got = append(got, o)
			}
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Observables(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestGapLead17NoLicence: "no licence needed" in the languages of a
// 37-language probe that missed it (ja ko ar fa hi he bg sr/hr et tl no
// ms), and "we do not sell without a licence", a requirement, in the
// languages where it read as the indicator (es pt it ar tr id zh ko hi).
func TestGapLead17NoLicence(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetone 99.5% 200 L drum", "ライセンス不要。", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "허가증 필요 없음.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "لا حاجة لترخيص.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "نیازی به مجوز نیست.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "लाइसेंस की जरूरत नहीं।", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "אין צורך ברישיון.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "Не е необходим лиценз.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "Nije potrebna dozvola.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "Ei ole vaja litsentsi.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "Walang kailangang lisensya.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "Ingen lisens nødvendig.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "Tiada lesen diperlukan.", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "无许可证，直接发货。", "no-paperwork", true},
		{"Acetone 99.5% 200 L drum", "허가증 없이 바로 발송.", "no-paperwork", true},
		// A requirement: licence needed, or no sale without one.
		{"Acetone 99.5% 200 L drum", "ライセンスが必要です。", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "Potrebna je dozvola.", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "Lesen diperlukan.", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "No vendemos sin licencia.", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "Não vendemos sem licença.", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "لا نبيع بدون ترخيص.", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "Lisanssız satış yapmıyoruz.", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "Kami tidak menjual tanpa izin.", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "无许可证不售。", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "허가증 없이는 판매하지 않습니다.", "no-paperwork", false},
		{"Acetone 99.5% 200 L drum", "बिना लाइसेंस के नहीं बेचते।", "no-paperwork", false},
	})
}

// TestGapLead17ThroughCustoms: German and Dutch "(safely) through customs"
// promises, the only forms missing from a probe of "passes customs
// without problems" in twelve languages; customs as a step of import is
// no promise.
func TestGapLead17ThroughCustoms(t *testing.T) {
	runIndCases(t, []indCase{
		{"Aceton 99,5 % 200 L Fass", "Sicher durch den Zoll.", "customs-evasion", true},
		{"Aceton 99,5 % 200 L Fass", "Kommt garantiert durch den Zoll.", "customs-evasion", true},
		{"Aceton 99,5% 200 L vat", "Veilig door de douane.", "customs-evasion", true},
		{"Aceton 99,5 % 200 L Fass", "Die Ware muss beim Import durch den Zoll, Zollgebühren trägt der Käufer.", "customs-evasion", false},
		{"Aceton 99,5 % 200 L Fass", "Alle Sendungen gehen beim Import durch den Zoll.", "customs-evasion", false},
	})
}
