package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap20ThinWholesale: wholesale words and counts of packs, boxes,
// ampoules and tablets in the thinner languages make a finished medicine
// with a Table I substance a bulk offer, as "wholesale" and "500 packs" do
// in English (heldout20 g0649 Greek, g1252 Czech). One pack, or a count
// under the bulk amount, stays retail.
func TestGap20ThinWholesale(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"el", "Εφεδρίνη 25 mg δισκία", "Χονδρική πώληση: εφεδρίνη 25 mg δισκία, ανά παλέτα.", true},
		{"el", "Εργομητρίνη ενέσιμη 0,2 mg/ml", "Εργομητρίνη 0,2 mg/ml, 2000 αμπούλες.", true},
		{"cs", "Pseudoefedrin 60 mg tablety", "Velkoobchodní ceny, pseudoefedrin 60 mg tablety.", true},
		{"cs", "Efedrin 25 mg tablety", "Efedrin 25 mg, 300 balení po 20 tabletách.", true},
		{"sk", "Pseudoefedrín 60 mg tablety", "Veľkoobchod: pseudoefedrín 60 mg, 200 balení.", true},
		{"hu", "Efedrin 25 mg tabletta", "Nagykereskedelmi ár, efedrin 25 mg tabletta, 100 doboz.", true},
		{"ro", "Pseudoefedrină 60 mg comprimate", "Vânzare en-gros: pseudoefedrină 60 mg, 500 cutii.", true},
		{"fi", "Efedriini 25 mg tabletit", "Tukkumyynti: efedriini 25 mg, 100 pakkausta.", true},
		{"sv", "Efedrin 25 mg tabletter", "Grossistpris: efedrin 25 mg, 80 förpackningar.", true},
		{"hr", "Pseudoefedrin 60 mg tablete", "Veleprodaja: pseudoefedrin 60 mg, 100 kutija.", true},
		{"bg", "Ефедрин 25 mg таблетки", "Търговия на едро: ефедрин 25 mg, 100 кутии.", true},
		{"ms", "Pseudoefedrin 60 mg tablet", "Jualan borong: pseudoefedrin 60 mg tablet, 100 kotak.", true},
		{"he", "אפדרין 25 mg טבליות", "מכירה בסיטונאות: אפדרין 25 mg טבליות.", true},
		// Retail: one or a few packs, no wholesale word.
		{"el", "Εργομητρίνη ενέσιμη 0,2 mg/ml", "Εργομητρίνη 0,2 mg/ml, 5 αμπούλες.", false},
		{"cs", "Efedrin 25 mg tablety", "Efedrin 25 mg, 2 balení po 20 tabletách.", false},
		{"ro", "Pseudoefedrină 60 mg comprimate", "Pseudoefedrină 60 mg, 3 cutii.", false},
		{"fi", "Efedriini 25 mg tabletit", "Efedriini 25 mg, 2 pakkausta.", false},
	})
}

// TestGap20ThinNoQuestions: a bare existential negation before a paper or
// question noun ("Ei papereita, ei kysymyksiä", "nincs papír", "hakuna
// maswali", "jokių klausimų") and a denial after it ("საბუთების გარეშე",
// "কোনো প্রশ্ন নেই") is the no-paperwork indicator, as "no papers, no
// questions" is (heldout20 g8377). A Table II reagent with it is a ticket;
// the same reagent with the papers supplied is not.
func TestGap20ThinNoQuestions(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fi", "Rikkihappo 98 % 25 l", "Väkevä rikkihappo 25 litran kanisterissa. Ei papereita, ei kysymyksiä.", true},
		{"et", "Väävelhape 98% 25 l", "Kontsentreeritud väävelhape. Ei küsimusi.", true},
		{"hu", "Kénsav 98% 25 l", "Tömény kénsav 25 literes kannában. Nincs papír, semmi kérdés.", true},
		{"sw", "Asidi ya salfa 98% lita 25", "Asidi ya salfa (sulphuric acid). Hakuna maswali.", true},
		{"lt", "Sieros rūgštis 98% 25 l", "Koncentruota sieros rūgštis. Jokių klausimų.", true},
		{"ka", "გოგირდმჟავა 98% 25 ლ", "გოგირდმჟავა (sulphuric acid). საბუთების გარეშე.", true},
		// Papers supplied, or no denial.
		{"fi", "Rikkihappo 98 % 25 l", "Väkevä rikkihappo 25 litran kanisterissa. Käyttöturvallisuustiedote mukana.", false},
		{"hu", "Kénsav 98% 25 l", "Tömény kénsav, számlával. Kérdés esetén írjon.", false},
	})
}

// TestGap20ThinSignal: "Yhteys Signal" (contact: Signal) and the Signal app
// with a case ending or a "via" word in the thinner languages ("Signalissa",
// "přes Signal", "μέσω Signal") are a messenger contact (heldout20 g8377).
// The word signal in another sense is not.
func TestGap20ThinSignal(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fi", "Rikkihappo 98 % 25 l", "Väkevä rikkihappo 25 litran kanisterissa. Yhteys Signal.", true},
		{"fi", "Rikkihappo 98 % 25 l", "Väkevä rikkihappo. Tilaukset Signalissa.", true},
		{"cs", "Kyselina sírová 96% 25 l", "Koncentrovaná kyselina sírová. Objednávky přes Signal.", true},
		{"el", "Θειικό οξύ 98% 25 l", "Πυκνό θειικό οξύ. Επικοινωνία μέσω Signal.", true},
		// The word in another sense.
		{"en", "Sulphuric acid 98% 25 L", "Concentrated sulphuric acid, 25 L, signal word: Danger.", false},
	})
}

// TestGap20ThinColdMedicine: a cold-and-flu medicine named in the thinner
// languages ("Răceală și Gripă", "proti nachlazení") is a finished
// medicine: a retail pack with pseudoephedrine is no Table I chemical
// (heldout20 g7285). The powder stays the chemical.
func TestGap20ThinColdMedicine(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ro", "Nurofen Răceală și Gripă 2 cutii", "2 cutii Nurofen Răceală și Gripă (ibuprofen + pseudoefedrină), nedeschise. Preț: 40 lei.", false},
		{"cs", "Lék proti nachlazení", "Modafen, chřipka a nachlazení (ibuprofen + pseudoefedrin), 1 balení. Cena 150 Kč.", false},
		{"hr", "Lijek protiv prehlade", "Prehlada i gripa, ibuprofen + pseudoefedrin, 1 kutija. Cijena 10 €.", false},
		// The chemical.
		{"ro", "Pseudoefedrină HCl pulbere 99%", "Pseudoefedrină clorhidrat, pulbere 99%, 100 g.", true},
	})
}

// TestGap20GeorgianMedicine: Georgian ergotamine (ერგოტამინი) is found,
// and the Georgian medicine forms (ტაბლეტი tablet, მგ mg, კაფსულა,
// ამპულა) make a retail pack a retail medicine, not a Table I chemical
// (heldout20 g8447). Georgian ergotamine powder stays the chemical.
func TestGap20GeorgianMedicine(t *testing.T) {
	m := mustMatcher(t)
	title, desc := "კაფერგოტი (ერგოტამინი) 1 მგ, 20 ტაბლეტი", "კაფერგოტი, ერგოტამინის ტარტრატი 1 მგ + კოფეინი, 1 შეკვრა. ფასი 18 ₾."
	if cas := casesOf(m, title, desc); !slices.Contains(cas, "113-15-5") {
		t.Errorf("Georgian ergotamine: CAS %v, want 113-15-5", cas)
	}
	runVerdicts(t, []verdictCase{
		{"ka", title, desc, false},
		{"ka", "ერგოტამინი ტაბლეტი", "ერგოტამინი 1 მგ, 10 ტაბლეტი. ფასი 12 ₾.", false},
		{"ka", "ერგოტამინი ფხვნილი 99%", "ერგოტამინის ტარტრატი, ფხვნილი 99%, 5 გ.", true},
	})
}

// TestGap20HungarianIodineCrystal: Hungarian "Jód kristály" (iodine
// crystals) gives the ambiguous "jód" its chemical context, as "Kristalle"
// and "kryształy" do (heldout20 g2434); the surveillance reagent without
// an indicator is no ticket. "jód" with no context stays ignored.
func TestGap20HungarianIodineCrystal(t *testing.T) {
	m := mustMatcher(t)
	if cas := casesOf(m, "Jód kristály 100 g", "Jód kristály 100 g, iskolai laborból maradt."); !slices.Contains(cas, "7553-56-2") {
		t.Errorf("Jód kristály: CAS %v, want 7553-56-2", cas)
	}
	if cas := casesOf(m, "Ár: 50 JOD", "Eladó kerékpár, ár 50 JOD."); len(cas) != 0 {
		t.Errorf("JOD currency: CAS %v, want none", cas)
	}
	runVerdicts(t, []verdictCase{
		{"hu", "Jód kristály 100 g", "Jód kristály 100 g, iskolai laborból maradt.", false},
	})
}

// TestGap20DeniedPharmacyLook: a pharmacy word that says what a plain
// parcel does not look like ("bez żadnych oznaczeń apteki", "sans rien qui
// rappelle une pharmacie", "no pharmacy label") is part of the stealth
// phrase, not a licensed-seller signal that offsets it (heldout14 i0144,
// i0210). A pharmacy or licence named in its own sentence still offsets.
func TestGap20DeniedPharmacyLook(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"pl", "Pseudoefedryna 60 mg, 20 tabletek (Sudafed)", "Paczka bez żadnych oznaczeń apteki, wygląda jak prywatna przesyłka. Cena 30 zł.", true},
		{"fr", "Pseudoéphédrine 60 mg, 20 comprimés", "Envoi dans une enveloppe toute simple, sans rien qui rappelle une pharmacie. Prix 15 €.", true},
		{"en", "Pseudoephedrine 60 mg, 24 tablets", "Shipped in a plain box, no pharmacy label on it. Price £12.", true},
		// A licensed seller named apart from the packaging still offsets it.
		{"en", "Pseudoephedrine 60 mg, 24 tablets", "Registered pharmacy, licence number 40231. Discreet packaging. Price £12.", false},
	})
}

// TestGap20NotAskedAbout: "we don't ask about …" with a preposition before
// the paper noun ("Nie pytamy o firmę", "не спрашиваем о …"), a German
// denial after a modal and pronouns ("den Verwendungszweck müssen Sie uns
// nicht nennen") and Turkish "doktora gitmene gerek yok" (no need to go to
// a doctor) deny the paperwork (heldout14 i0167, i0053, i0168). Asking
// for it is no denial.
func TestGap20NotAskedAbout(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"pl", "Toluen 99%, 5 l", "Nie pytamy o firmę ani o cel zakupu.", true},
		{"en", "Toluene 99%, 5 L", "We don't ask about the purpose.", true},
		{"de", "Piperidin 99 %, 500 ml", "Auch an Privatpersonen; den Verwendungszweck müssen Sie uns nicht nennen.", true},
		{"tr", "Psödoefedrin (pseudoephedrine) 60 mg 20 tablet", "Doktora gitmene gerek yok, kapına gelsin. Fiyat 150 TL.", true},
		// Asked for, not denied.
		{"pl", "Toluen 99%, 5 l", "Pytamy o cel zakupu i dane firmy.", false},
		{"de", "Piperidin 99 %, 500 ml", "Den Verwendungszweck müssen Sie uns nennen.", false},
		{"tr", "Psödoefedrin (pseudoephedrine) 60 mg 20 tablet", "Reçete ile satılır, doktora gitmeniz gerekir. Fiyat 150 TL.", false},
	})
}

// TestGap20ManifestListsAs: a shipping document that "lists it as" another
// product is mislabelling, like "the invoice will read" (heldout14 i0170);
// the true name after a UN number ("lists it as UN1193 ethyl methyl
// ketone", heldout14 i0201) or the UN number alone is not.
func TestGap20ManifestListsAs(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Methyl ethyl ketone 99%, 20 L", "The manifest lists it as car shampoo.", true},
		{"en", "Toluene 99%, 20 L", "Our invoice lists it as paint thinner for furniture.", true},
		{"en", "Methyl ethyl ketone 99%, 20 L", "The manifest lists it as UN1193 ethyl methyl ketone, class 3.", false},
		{"en", "Methyl ethyl ketone 99%, 20 L", "The manifest lists it as UN 1193.", false},
	})
}

// TestGap20GlycidicAcidReversed: the glycidic acid named before its
// family abbreviation ("Glycidic acid BMK", "glycidic acid PMK") is the
// glycidic acid, not the bare ketone BMK or PMK names (heldout11 x0158).
func TestGap20GlycidicAcidReversed(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct{ title, want, not string }{
		{"Glycidic acid BMK 1 kg", "25547-51-7", "103-79-7"},
		{"Glʏcɪdɪc ᴀcɪd ʙᴍᴋ 1 kg", "25547-51-7", "103-79-7"},
		{"Glycidic acid PMK 1 kg", "2167189-50-4", "4676-39-5"},
	} {
		cas := casesOf(m, tc.title, "")
		if !slices.Contains(cas, tc.want) || slices.Contains(cas, tc.not) {
			t.Errorf("%q: CAS %v, want %s and not %s", tc.title, cas, tc.want, tc.not)
		}
	}
}

// TestGap20BuyerAsks: a post that only asks for a substance ("Looking for
// …", "Need … DM me with price", "Anyone selling …? pm me", "Buying …")
// offers nothing; the "PM me" asks for offers. A seller who looks for
// buyers, a hook question ("Need ephedrine? DM us") and a reply that
// answers the thread's question with an offer ("Re: Where can I buy … I
// have 1 L spare, PM me", heldout5 r0414) stay offers.
func TestGap20BuyerAsks(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Looking for pseudoephedrine powder", "Need pseudoephedrine HCl 500 g urgently, DM me with price.", false},
		{"en", "Need BMK oil", "Anyone selling BMK oil? pm me", false},
		{"en", "Buying safrole 5 L", "Buying safrole, 5 L, good price paid. PM me.", false},
		{"es", "¿Quién vende efedrina?", "¿Quién vende efedrina en polvo? Mándame un privado.", false},
		{"ru", "Где купить эфедрин?", "Где купить эфедрин? Пишите в личку.", false},
		// Offers.
		{"en", "Ephedrine HCl 99% 1 kg", "Ephedrine HCl powder 99%, 1 kg. PM me.", true},
		{"en", "Ephedrine HCl 99%", "Looking for buyers of our ephedrine HCl 99%, 1 kg lots. PM me.", true},
		{"en", "Ephedrine HCl 99%", "Need ephedrine? DM us, 1 kg in stock.", true},
		{"en", "Re: Where can I buy safrole in the EU?", "I have 1 L spare, 60 EUR, PM me.", true},
		{"en", "Pseudoephedrine 60 mg 24 tabs", "No need for a prescription, pseudoephedrine 60 mg, 24 tabs, BTC only. $40", true},
	})
}

// TestGap20PressNoProblem: a press report that quotes an evasion phrase
// ("la aduana no es problema", "gümrük sorun değil", "bea cukai tidak
// masalah") names who said it (a spokesman, the paper): it reports, it
// offers nothing. An offer with the phrase stays an offer.
func TestGap20PressNoProblem(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "Efedrina: la policía no ve problema", "El portavoz de la policía dijo que la aduana no es problema para las redes que trafican efedrina, según el diario El País.", false},
		{"tr", "Efedrin kaçakçılığı", "Gazete haberine göre çete, gümrük sorun değil diyerek 200 kg efedrin getirdi.", false},
		{"id", "Penyelundupan efedrin", "Menurut juru bicara, sindikat itu menganggap bea cukai tidak masalah untuk efedrin 50 kg.", false},
		// Offers.
		{"es", "Acetona 99,5%, 20 L", "Grado técnico. Aduana sin problema, solo bitcoin.", true},
		{"tr", "Aseton (acetone) 10 L", "Teknik. Gümrük sorun değil, sadece bitcoin.", true},
	})
}

// TestGap20Phone00: an international number written with the call prefix
// 00 instead of '+' ("0044 7700 900123", "Tel. 0049 170 5550123") is a
// phone observable in E.164 form, as "+44 7700 900123" is. A product
// code, a decimal or a number too short or too long is not.
func TestGap20Phone00(t *testing.T) {
	m := mustMatcher(t)
	phones := func(desc string) []string {
		var out []string
		for _, o := range m.Match(&precwatch.Listing{Title: "Acetone 20 L", Description: desc}).Observables {
			if o.Type == precwatch.ObservablePhone {
				out = append(out, o.Value)
			}
		}
		return out
	}
	for desc, want := range map[string][]string{
		"Acetone technical 20 L. Call 0044 7700 900123": {"+447700900123"},
		"Aceton technisch 20 L. Tel. 0049 170 5550123":  {"+491705550123"},
		"Aceton 20 L, Tel.-Nr.: 0049-30-1234567":        {"+49301234567"},
		"Acetone 20 L, tel 00447700900123":              {"+447700900123"},
		"Acetone 20 L, EAN 0049000012345":               nil,
		"Acetone 20 L, price 0.0049 per ml":             nil,
		"Acetone 20 L, order 00123456":                  nil,
		"Acetone 20 L, call 0044 77":                    nil,
		"Acetone 20 L, serial 00447700900123":           nil,
	} {
		if got := phones(desc); !slices.Equal(got, want) {
			t.Errorf("%q: phones %v, want %v", desc, got, want)
		}
	}
}

// TestGap20BuyerCueTraps: words that look like buy requests but are not
// one before a name: French "recherche" (research), a denied need in
// Indonesian ("tidak butuh resep").
func TestGap20BuyerCueTraps(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"fr", "Produits de recherche", "Produits de recherche : éphédrine HCl 99 %, 100 g. Prix 200 €.", true},
		{"id", "Pseudoefedrin 60 mg", "Tidak butuh resep, pseudoefedrin 60 mg, hanya bitcoin. Rp 300.000", true},
	})
}
