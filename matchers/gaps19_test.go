package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// casesOf returns the CAS numbers of the substances found (not negated) in
// a listing.
func casesOf(m *Matcher, title, desc string) []string {
	got := m.Match(&precwatch.Listing{Title: title, Description: desc})
	var cas []string
	for _, s := range got.Substances {
		if !s.Negated {
			cas = append(cas, s.CAS)
		}
	}
	return cas
}

// TestGap19MessengerEuphemism: a messenger named by its colour or icon
// ("the green app", "the blue app", "зелёное приложение") with a number
// or handle right after it is a messenger contact (heldout19 e0017). The
// same words with no contact, and a bare phone number, are not.
func TestGap19MessengerEuphemism(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "GBL 1 L pure", "Gamma-butyrolactone 99.9%, 1 L. Add me on the green app: +44 555 0190", true},
		{"en", "GBL 1 L", "Gamma-butyrolactone 99.9%, 1 L. Orders on the blue app @gbl_store", true},
		{"ru", "GBL 1 л", "Гамма-бутиролактон 99,9%, 1 л. Пишите в зелёное приложение: +7 555 019 0000", true},
		{"es", "GBL 1 L", "Gamma-butirolactona 99,9%, 1 L. Escríbeme en la app verde: +34 555 019 000", true},
		// No contact beside the words, or a number with no app word.
		{"en", "GBL 1 L", "Gamma-butyrolactone 99.9%, 1 L. Track your order in the green app.", false},
		{"en", "GBL 1 L", "Gamma-butyrolactone 99.9%, 1 L. Call the office: +44 555 0190", false},
	})
}

// TestGap19NoDocs: "No docs needed", "no documents required", "docs not
// required" deny the paperwork like "no paperwork" (heldout19 e0018).
// Documents that come with the product are no denial.
func TestGap19NoDocs(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL, stabilised. No docs needed.", true},
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. Docs not required.", true},
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. No documents required.", true},
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. No documents needed.", true},
		{"es", "Ácido yodhídrico 57% 250 mL", "Ácido yodhídrico 57%, 250 mL. Documentos no necesarios.", true},
		// Documents supplied are no denial.
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. Docs (COA, MSDS) included.", false},
		{"en", "Hydriodic acid 57% 250 mL", "Hydriodic acid 57%, 250 mL. Shipping docs provided.", false},
	})
}

// TestGap19BakingRecipe: a recipe of food ("Recipe included: almond
// cookies!") is no synthesis hint (heldout19 e0022); "recipe included"
// alone on a reagent offer stays one (e0009).
func TestGap19BakingRecipe(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Bitter almond flavour 50 ml", "Bitter almond flavour (benzaldehyde), 50 ml. Recipe included: almond cookies!", false},
		{"en", "Bitter almond extract 30 ml", "Benzaldehyde flavouring, 30 ml. Recipe included for marzipan cake.", false},
		{"en", "Bitter almond aroma 50 ml", "Benzaldehyde aroma, 50 ml. With recipe: amaretto cocktail.", false},
		// The hint alone stays a hint.
		{"en", "Iodine prills 1 kg", "Iodine prills 1 kg, 99.8%. Recipe included.", true},
		{"en", "Benzaldehyde 99% 5 L", "Benzaldehyde 99%, 5 L. Full recipe included.", true},
	})
}

// TestGap19TelegramAbbrev: Telegram abbreviated ("tele", "teleg",
// "telega", "тг", "tg") right before a handle is a messenger contact
// (heldout19 e0024). "Tele" before a phone number of a sales line is not.
func TestGap19TelegramAbbrev(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "MEK methyl ethyl ketone 25 L", "Methyl ethyl ketone (MEK) 25 L, industrial grade. tele: @solv_555", true},
		{"en", "MEK methyl ethyl ketone 25 L", "Methyl ethyl ketone (MEK) 25 L, industrial grade. teleg @solv_555", true},
		{"ru", "МЭК (MEK) 25 л", "Метилэтилкетон 25 л, технический. телега: @solv_555", true},
		// Not a messenger.
		{"en", "MEK methyl ethyl ketone 25 L", "Methyl ethyl ketone (MEK) 25 L, industrial grade. Tele-sales: 0800 555 0100", false},
		{"en", "MEK methyl ethyl ketone 25 L", "Methyl ethyl ketone (MEK) 25 L, industrial grade. Tele: +49 555 0100 (office hours)", false},
	})
}

// TestGap19ConversionSupport: technical support for the conversion of a
// precursor offered with it is a conversion hint even when no target is
// named (heldout19 e0085); currency and unit conversion and conversion
// kits are not.
func TestGap19ConversionSupport(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Ethyl phenylacetate 1 L", "Ethyl phenylacetate 99%, 1 L. Technical support for conversion.", true},
		{"en", "Ethyl phenylacetate 1 L", "Ethyl phenylacetate 99%, 1 L. Conversion support included.", true},
		{"de", "Ethylphenylacetat 1 L", "Ethylphenylacetat 99 %, 1 L. Technischer Support für die Umwandlung.", true},
		// Not a hint.
		{"en", "Ethyl phenylacetate 1 L", "Ethyl phenylacetate 99%, 1 L. Currency conversion at checkout.", false},
		{"en", "Ethyl phenylacetate 1 L", "Ethyl phenylacetate 99%, 1 L. Technical support for unit conversion in our online calculator.", false},
		{"en", "E-bike conversion kit 250 W", "Conversion kit with technical support for conversion of any bicycle.", false},
	})
}

// TestGap19MethodOnRequest: a yield with a reagent ("great yield with
// nitroethane") and a method offered ("method on request", "synthesis
// route provided") are synthesis hints (heldout19 e0114); an analytical
// method on request is not.
func TestGap19MethodOnRequest(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Benzaldehyde 99% 5 L", "Benzaldehyde 99%, 5 L. Great yield with nitroethane, method on request.", true},
		{"en", "Benzaldehyde 99% 5 L", "Benzaldehyde 99%, 5 L. Method on request.", true},
		{"en", "Benzaldehyde 99% 5 L", "Benzaldehyde 99%, 5 L. Synthesis route provided.", true},
		{"en", "Benzaldehyde 99% 5 L", "Benzaldehyde 99%, 5 L. Great yield with nitroethane.", true},
		{"de", "Benzaldehyd 99 % 5 L", "Benzaldehyd 99 %, 5 L. Top Ausbeute mit Nitroethan.", true},
		// Analytical methods.
		{"en", "Benzaldehyde 99% 5 L", "Benzaldehyde 99%, 5 L. COA and HPLC test method on request.", false},
		{"en", "Benzaldehyde 99% 5 L", "Benzaldehyde 99%, 5 L. Analytical method on request.", false},
		{"en", "Benzaldehyde 99% 5 L", "Benzaldehyde 99%, 5 L. Great yield.", false},
		{"en", "Toluene and acetone 20 L", "Toluene 99% and acetone 99%, 20 L each, yield of our distillation plant 500 t a year.", false},
	})
}

// TestGap19NegatedRequirement: "no shipping without papers" states the
// requirement the no-paperwork indicator denies (heldout19 e0113): "kein
// Versand ohne Papiere", "no sale without licence", "sin receta no
// vendemos", "не продаём без документов". The denial alone stays an
// indicator.
func TestGap19NegatedRequirement(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "Salzsäure 33 % 30 L", "Salzsäure 33 %, 30 L. Kein Versand ohne Papiere, Lieferschein und Sicherheitsdatenblatt.", false},
		{"de", "Salzsäure 33 % 30 L", "Salzsäure 33 %, 30 L. Keine Abgabe ohne Gewerbenachweis.", false},
		{"en", "Hydrochloric acid 33% 30 L", "Hydrochloric acid 33%, 30 L. No sale without licence.", false},
		{"en", "Hydrochloric acid 33% 30 L", "Hydrochloric acid 33%, 30 L. We do not ship without documents.", false},
		{"ru", "Соляная кислота 33% 30 л", "Соляная кислота 33%, 30 л. Не продаём без документов.", false},
		{"fr", "Acide chlorhydrique 33 % 30 L", "Acide chlorhydrique 33 %, 30 L. Pas de vente sans papiers.", false},
		{"es", "Ácido clorhídrico 33% 30 L", "Ácido clorhídrico 33%, 30 L. Sin documentos no vendemos.", false},
		// The denial alone.
		{"de", "Salzsäure 33 % 30 L", "Salzsäure 33 %, 30 L. Versand ohne Papiere.", true},
		{"en", "Hydrochloric acid 33% 30 L", "Hydrochloric acid 33%, 30 L. No licence needed, no questions.", true},
		{"es", "Ácido clorhídrico 33% 30 L", "Ácido clorhídrico 33%, 30 L. Sin documentos, envío rápido.", true},
	})
	// With a price, which makes any page an offer (the held-out listing).
	m := mustMatcher(t)
	for _, tc := range []verdictCase{
		{"de", "Salzsäure 33 % 30 L", "Salzsäure 33 %, 30 L. Kein Versand ohne Papiere, Lieferschein und Sicherheitsdatenblatt.", false},
		{"en", "Hydrochloric acid 33% 30 L", "Hydrochloric acid 33%, 30 L. No shipping without papers and safety data sheet.", false},
		{"de", "Salzsäure 33 % 30 L", "Salzsäure 33 %, 30 L. Versand ohne Papiere und Sicherheitsdatenblatt.", true},
	} {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc, Price: "319 €"})
		if got.Suspicious != tc.want {
			t.Errorf("[%s] %q priced: suspicious %v (score %.2f), want %v; explain %q", tc.lang, tc.desc, got.Suspicious, got.Score, tc.want, got.Explain)
		}
	}
}

// TestGap19LegalityQuestion: a question whether buying or selling a
// substance is legal is a report, in Polish (heldout19 e0137) and the
// other languages; an offer stays one.
func TestGap19LegalityQuestion(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"pl", "Czy pseudoefedryna jest legalna?", "Pytanie na forum: sprzedawca pisze 'no docs needed' – czy kupno pseudoefedryny bez dokumentów jest legalne?", false},
		{"de", "Ist Pseudoephedrin legal?", "Frage: Ist es legal, Pseudoephedrin ohne Rezept zu kaufen?", false},
		{"es", "¿Es legal la pseudoefedrina?", "Pregunta: ¿es legal comprar pseudoefedrina sin receta?", false},
		{"fr", "La pseudoéphédrine est-elle légale ?", "Question : est-il légal d'acheter de la pseudoéphédrine sans ordonnance ?", false},
		{"ru", "Законен ли псевдоэфедрин?", "Вопрос: законно ли покупать псевдоэфедрин без рецепта?", false},
		// Offers.
		{"pl", "Pseudoefedryna 500 g", "Pseudoefedryna 500 g, 99%. Sprzedam bez dokumentów.", true},
		{"de", "Pseudoephedrin 500 g", "Pseudoephedrin HCl 500 g, 99 %. Ohne Rezept. Legal? Frag per Telegram @pse_de.", true},
	})
}

// TestGap19DottedCAS: a CAS number written with dots and no keyword
// ("Item 5449.12.7") counts when its check digit is right and it is
// exactly 2-7, 2 and 1 digits, not part of a longer dotted number or a
// date (heldout19 e0138).
func TestGap19DottedCAS(t *testing.T) {
	m := mustMatcher(t)
	if cas := casesOf(m, "Item 5449.12.7 – 5 kg", "Item 5449.12.7, sodium salt, 5 kg bags. Contact tele: @chemwh555"); !slices.Contains(cas, "25547-51-7") {
		t.Errorf("dotted CAS: substances %v, want 25547-51-7", cas)
	}
	for _, tc := range []struct {
		text string
		want string
	}{
		{"Item 5449.12.7, 5 kg", "5449-12-7"},
		{"lot 103.79.7 in stock", "103-79-7"},
		// Out: a wrong check digit, a longer dotted number, a date, a
		// price with two groups, a version.
		{"Item 5449.12.8, 5 kg", ""},
		{"ref 1.5449.12.7", ""},
		{"ref 5449.12.7.1", ""},
		{"build 103.79.7.2", ""},
		{"v103.79.7", ""},
		{"price 5449.12", ""},
		{"dated 2018.12.4", ""}, // 2018-12-4 has the right check digit
		{"Version 103.79.7 released", ""},
		{"firmware: 103.79.7", ""},
		{"see section 103.79.7", ""},
	} {
		var got []string
		for _, c := range FindCAS([]byte(tc.text)) {
			got = append(got, c.CAS)
		}
		if tc.want == "" && len(got) > 0 || tc.want != "" && !slices.Contains(got, tc.want) {
			t.Errorf("FindCAS(%q) = %v, want %q", tc.text, got, tc.want)
		}
	}
}

// TestGap19EmojiLetters: single letters separated by one repeated
// pictograph ("P💊M💊K") are a spaced-out word (heldout19 e0160); a
// pictograph between words stays a separator.
func TestGap19EmojiLetters(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		title, desc, cas string
		want             bool
	}{
		{"P💊M💊K ethyl glycidate oil", "P💊M💊K ethyl glycidate, pale oil, 1 L. good yield, team gives technical support.", "28578-16-7", true},
		{"B🔥M🔥K oil 1 L", "B🔥M🔥K, liquid, 99%.", "103-79-7", true},
		{"Acetone 💊 MEK 💊 toluene", "Solvents, 20 L each.", "103-79-7", false},
	} {
		cas := casesOf(m, tc.title, tc.desc)
		if slices.Contains(cas, tc.cas) != tc.want {
			t.Errorf("title %q: substances %v, want %s %v", tc.title, cas, tc.cas, tc.want)
		}
	}
	for _, tc := range []struct{ in, want string }{
		{"P💊M💊K", "pmk"},
		{"x P💊M💊K y", "x pmk y"},
		{"П💊С💊Е ok", "псе ok"},
		{"a 💊 b 💊 c", "a b c"}, // between words: decoration (an older rule), the words stay apart
		{"P💊M", "p💊m"},         // two letters are no run
		{"Acetone💊MEK", "acetone💊mek"},
	} {
		if got := Normalize(tc.in).String(); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	// The offset map covers the pictographs.
	in := "x P💊M💊K y"
	nt := Normalize(in)
	if s, e := nt.Orig(2, 5); in[s:e] != "P💊M💊K" {
		t.Errorf("Orig of pmk in %q = %q", in, in[s:e])
	}
}

// TestGap19PricedNews: a news item that a feed gave a price (the heldout19
// writer's first build put random prices on news and forum posts, and six
// of them became offers) stays a report when three or more report words,
// not all authority nouns, stand on it with no offer word, contact or
// delivery word. A priced offer that quotes a seizure stays an offer.
func TestGap19PricedNews(t *testing.T) {
	m := mustMatcher(t)
	cases := []struct {
		title, desc, price string
		want               bool
	}{
		{"Police seize 500 kg of BMK glycidate in Rotterdam", "Customs officers found the BMK glycidate declared as cleaning agent, prosecutors said.", "$3", false},
		{"Police seize 500 kg of BMK glycidate in Rotterdam", "Customs officers found the BMK glycidate declared as cleaning agent, prosecutors said.", "Free", false},
		{"Полиция изъяла 300 кг сафрола", "Таможня задержала груз сафрола. Возбуждено уголовное дело, двое арестованы, сообщает пресс-служба МВД.", "10 ₽", false},
		// Offers keep their verdict: an offer word, a contact, or fewer report words.
		{"BMK glycidate 500 kg in stock", "Police seized nothing, customs never check. Order now.", "$900", true},
		{"Safrole 1 L", "Police seized our competitor's safrole. Telegram @saf_shop", "$200", true},
		{"Ephedrine HCl 100 g", "Customs officers never open our parcels.", "$300", true},
	}
	for _, tc := range cases {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc, Price: tc.price})
		if got.Suspicious != tc.want {
			t.Errorf("title %q desc %q price %q: suspicious %v (score %.2f), want %v; explain %q", tc.title, tc.desc, tc.price, got.Suspicious, got.Score, tc.want, got.Explain)
		}
	}
}

// TestGap19InvoiceSays: what the invoice or the papers say the goods are
// ("Invoice says cleaning agent") is mislabelling (heldout19 e0156); an
// invoice that states the full value, or a plain VAT invoice, is not.
func TestGap19InvoiceSays(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Sulfuric acid 98% 25 L", "Invoice says cleaning agent. Ships in 2 days.", true},
		{"en", "Acetone 99.5% 20 L", "Papers say nail polish remover, nobody checks.", true},
		{"en", "Toluene 200 L drum", "We invoice it as paint thinner.", true},
		// Honest invoices are no indicator.
		{"en", "Sulfuric acid 98% 25 L", "Invoice says the full value, VAT included.", false},
		{"en", "Acetone 99.5% 20 L", "VAT invoice provided with every order.", false},
	})
}

// TestGap19InvoiceSaysName: an invoice that says the product's own name is
// honest paperwork, like round 14's "the invoice will read the product
// name" (TestGap14FrameBlock).
func TestGap19InvoiceSaysName(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Toluene 99%, 25 L", "The invoice says the product name, lot and CAS number.", false},
		{"en", "Acetone 20 L", "Papers say the chemical name and UN number.", false},
	})
}
