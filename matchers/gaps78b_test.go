package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap78bNegation: "without / none / does not contain" in the rarely
// seen languages of held-out 78 denies the name it stands beside (Chichewa
// "popanda", West Frisian "sûnder", Faroese "uttan", Sesotho "ntle le",
// Breton "hep", Maori "kore", Kinyarwanda "nta", Luxembourgish "ouni" before
// it; Tatar "юк" and Belarusian "не ўтрымлівае" after it; heldout78 yf0004,
// yf0020, yf0049, yf0105, yf0114, yf0125, yf0154, yf0187, yf0191, yf0209).
// The same names offered, and the short words where no name follows them
// or in another language's sentence, stay offers.
func TestGap78bNegation(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"Mankhwala a chimfine popanda pseudoephedrine", "Mapiritsi a chimfine.", nil},
		{"Spoarttaffels sûnder efedrine", "Enerzjytaffels, mei kofeïne.", nil},
		{"Kuldakapslar uttan efedrin", "Heilsukostur.", nil},
		{"Tee ea litlama ntle le ephedrine", "Tee ea tlhaho.", nil},
		{"Louzoù yac'hus hep efedrin", "Te louzoù.", nil},
		{"Rongoā makariri kore ephedrine", "Rongoā kawakawa.", nil},
		{"Icyayi cy'ubuzima nta ephedrine", "Icyayi cy'ibyatsi.", nil},
		{"Nasespray ouni Ephedrin", "Mieresalz-Nasespray, ouni Ephedrin an ouni Konservéierungsmëttel.", nil},
		{"Салкын тиюгә каршы чәй", "Үлән чәе, эфедрин юк, балаларга да ярый.", nil},
		{"Тлушчаспальвальнік", "Склад: кафеін. Эфедрыну не ўтрымлівае.", nil},
		// Offers that stay offers.
		{"Efedrine 1 kg", "Efedrine HCl 99%, sûnder papieren te keap.", []string{"ephedrine"}},
		{"Efedrin 1 kg", "Efedrin HCl 99 %, uttan kvittan.", []string{"ephedrine"}},
		{"Ephedrine 1 kg", "Ephedrine HCl 99%, hep B vaccine also in stock.", []string{"ephedrine"}},
		{"Ephedrine 1 kg", "Ephedrine HCl 99%, nta kibazo, kore mai.", []string{"ephedrine"}},
		{"Эфедрин 1 кг", "Эфедрин 99%, бар, юк түгел.", []string{"ephedrine"}},
	})
}

// TestGap78bNews: seizure and arrest news in the languages of held-out 78
// (Kannada, Javanese, Esperanto, Lingala, Tok Pisin, Chuvash, Slovene,
// Tatar, Samoan, Faroese, Luxembourgish, Sundanese, Bashkir, Wolof, Maori)
// names substances without offering them, also where it quotes a quantity
// or the messenger the accused used (heldout78 yf0022, yf0047, yf0051,
// yf0061, yf0067, yf0071, yf0079, yf0100, yf0111, yf0113, yf0121, yf0152,
// yf0165, yf0178, yf0204); a seller's offer in the same language stays one.
func TestGap78bNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"kn", "ಮೈಸೂರಿನಲ್ಲಿ ಎಫೆಡ್ರಿನ್ ವಶಪಡಿಸಿಕೊಂಡರು", "ಪೊಲೀಸರು 5 ಕೆಜಿ ಎಫೆಡ್ರಿನ್ ವಶಪಡಿಸಿಕೊಂಡರು; ಆರೋಪಿಗಳು ಟೆಲಿಗ್ರಾಮ್ ಮೂಲಕ ವ್ಯವಹರಿಸುತ್ತಿದ್ದರು.", false},
		{"jv", "BNN nyita 20 kg efedrin ing Semarang", "Efedrin didhelikake ing truk.", false},
		{"eo", "Polico kaptis safrolon en Antverpeno", "La polico kaptis 300 litrojn da safrolo.", false},
		{"ln", "Ba douane bakangi efedrine na Kinshasa", "Ba douane bakangi kilo 40 ya efedrine.", false},
		{"tpi", "Polis i holim safrole long Lae", "Polis i holim 10 lita safrole long wof.", false},
		{"cv", "Шупашкарта эфедрин тупнă", "Полици 5 кг эфедрин тытса илнĕ.", false},
		{"sl", "Policija zasegla efedrin", "Policija je v Mariboru zasegla 20 kg efedrina.", false},
		{"tt", "Казанда сафрол сатучы тоткарланды", "Полиция 5 литр сафрол тапты, шикләнүче аны Telegram аша сатмакчы булган.", false},
		{"sm", "Ua faoa e leoleo le safrole", "Ua faoa e leoleo le 5 lita safrole i le uafu.", false},
		{"fo", "Efedrin funnið í Runavík", "Tollurin hevur funnið 20 kg av efedrini.", false},
		{"lb", "Police fënnt Safrol zu Esch", "D'Police huet 50 Liter Safrol fonnt, deklaréiert als 'Ueleg'.", false},
		{"su", "Pulisi nyita efedrin di Bandung", "Pulisi nyita 30 kg efedrin di gudang.", false},
		{"ba", "Өфөлә сафрол тотолдо", "Таможня хеҙмәткәрҙәре 100 литр сафрол тапты.", false},
		{"wo", "Douane bi jàpp na safrole ci Dakar", "Douane bi jàpp na 50 litre safrole.", false},
		{"mi", "I hopukina e te pirihimana te ephedrine", "I hopukina te 10kg ephedrine i Ōtautahi.", false},
		// Offers in the same languages.
		{"eo", "Safrolo 1 L", "Pura safrolo 99%, Telegram @safrolo_eo", true},
		{"sl", "Efedrin 1 kg", "Efedrin HCl 99 %, dostava v tujino. Telegram @efedrin_si", true},
		{"jv", "Efedrin 1 kg", "Efedrin murni 99%, hubungi WA +62 812 5550 1234", true},
	})
}

// TestGap78bPharmacy: a priced pharmacy pack of a Table I medicine in the
// languages of held-out 78 (Oromo "sirapii", Sindhi "گوليون", Malayalam
// "ഗുളിക", Belarusian "таблетак") is a retail medicine, not the chemical,
// and the Slovene OTC status "brez recepta v lekarni" is no "no
// prescription" indicator (heldout78 yf0021, yf0031, yf0080, yf0092,
// yf0148); the same pack with a messenger contact, "brez recepta" said
// alone, or the substance as a powder stay suspicious.
func TestGap78bPharmacy(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		lang, title, desc, price string
		want                     bool
	}{
		{"om", "Qoricha qufaa Ephedrine sirapii 100ml", "Ajaja doktaraa waliin qofa.", "ETB 140", false},
		{"sd", "زڪام جي گولين جو پيڪٽ (Pseudoephedrine)", "هڪ پيڪٽ، 10 گوليون.", "Rs 180", false},
		{"ml", "ജലദോഷ ഗുളിക (Pseudoephedrine) 10 ഗുളിക", "ഒരു സ്ട്രിപ്പ്.", "₹68", false},
		{"be", "Псеўдаэфедрын + парацэтамол, 10 таблетак", "Адпускаецца па рэцэпце.", "7,80 р.", false},
		{"sl", "Psevdoefedrin + paracetamol, 12 tablet", "Zdravilo proti prehladu, brez recepta v lekarni.", "€ 7", false},
		{"sl", "Psevdoefedrin + paracetamol, 12 tablet", "Zdravilo proti prehladu, brez recepta, pošljem po pošti.", "€ 7", true},
		{"be", "Псеўдаэфедрын, 10 таблетак", "Без рэцэпта, Telegram @pse_by", "9 р.", true},
		{"om", "Ephedrine powder 1 kg", "Ephedrine HCl 99%.", "ETB 9,000", true},
	} {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc, Price: tc.price})
		if got.Suspicious != tc.want {
			t.Errorf("[%s] title %q desc %q: suspicious %v (score %.2f), want %v; explain %q",
				tc.lang, tc.title, tc.desc, got.Suspicious, got.Score, tc.want, got.Explain)
		}
	}
}
