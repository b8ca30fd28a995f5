package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap15Vocabulary: risk-indicator wordings of languages the lexicon
// covered thinly or not at all (round 15, vocabulary only: class words of
// the round-14 frames and denial cues, no new construction). Each offer is
// a Table II substance or a surveillance reagent, suspicious only with an
// indicator (policy rule (b)); each language has two or three wordings
// that fail before the vocabulary and two innocent twins that use the same
// words and must stay clean.
func TestGap15Vocabulary(t *testing.T) {
	for _, tc := range []struct {
		lang, title, desc string
		want              bool
	}{
		// sv
		{"sv", "Toluen (toluene) 5 l", "Skickas i en vanlig kartong utan avsändare.", true},
		{"sv", "Aceton 99,5 %, 10 l", "Tullkontrollen kringgår vi, leverans till Norge.", true},
		{"sv", "Aceton 99,5 %, 10 l", "Beställningar via Tele, skriv till oss.", true},
		{"sv", "Toluen (toluene) 5 l", "Skickas i en kartong med avsändare och faroetikett.", false},
		{"sv", "Aceton 99,5 %, 10 l", "Tullavgifter ingår inte i priset för leveranser till Norge.", false},
		// da / no
		{"da", "Acetone 99,5 %, 10 l", "Pakken afslører ingenting om indholdet.", true},
		{"no", "Acetone 99,5 %, 10 l", "Lege og papirer trengs ikke.", true},
		{"da", "Acetone 99,5 %, 10 l", "Betaling med bitcoin eller bankoverførsel.", false},
		{"no", "Acetone 99,5 %, 10 l", "Sendes med avsender og fareetikett.", false},
		// fi
		{"fi", "Asetoni (acetone) 10 l", "Tullin ohi ilman ongelmia Norjaan.", true},
		{"fi", "Asetoni (acetone) 10 l", "Papereita ei tarvita.", true},
		{"fi", "Asetoni (acetone) 10 l", "Tullimaksut eivät sisälly hintaan.", false},
		{"fi", "Asetoni (acetone) 10 l", "Maksu tilisiirrolla tai bitcoinilla, tilisiirto.", false},
		// ro
		{"ro", "Iod cristalin (iodine) 100 g", "Coletul nu atrage atenția, pare o comandă obișnuită.", true},
		{"ro", "Acetonă (acetone) 10 l", "Scrie-ne pe Tele pentru comenzi.", true},
		{"ro", "Acetonă (acetone) 10 l", "Nu cerem acte sau întrebări.", true},
		{"ro", "Acetonă (acetone) 10 l", "Plata prin transfer bancar sau bitcoin.", false},
		{"ro", "Acetonă (acetone) 10 l", "Taxe vamale incluse, vama nu este responsabilitatea cumpărătorului.", false},
		// cs / sk
		{"cs", "Aceton 99,5 %, 10 l", "Krabice je nenápadná a neprozradí nic.", true},
		{"sk", "Acetón 99,5 %, 10 l", "Colnica balíky nikdy neotvára.", true},
		{"cs", "Aceton 99,5 %, 10 l", "Zasíláme s odesílatelem a výstražnou etiketou.", false},
		{"sk", "Acetón 99,5 %, 10 l", "Platba prevodom alebo bitcoinom.", false},
		// hu
		{"hu", "Aceton 99,5 %, 10 l", "Feladó nélkül, semleges dobozban küldjük.", true},
		{"hu", "Aceton 99,5 %, 10 l", "Nincs szükség engedélyre.", true},
		{"hu", "Aceton 99,5 %, 10 l", "Fizetés átutalással vagy bitcoinnal.", false},
		{"hu", "Aceton 99,5 %, 10 l", "A feladó és a veszélyjelző címke a dobozon van.", false},
		// el
		{"el", "Acetone 99,5 %, 10 l", "Δεν ζητάμε έγγραφα.", true},
		{"el", "Acetone 99,5 %, 10 l", "Το κουτί δεν τραβάει την προσοχή.", true},
		{"el", "Acetone 99,5 %, 10 l", "Πληρωμή με τραπεζική μεταφορά ή bitcoin.", false},
		{"el", "Acetone 99,5 %, 10 l", "Οι δασμοί δεν περιλαμβάνονται, το τελωνείο χρεώνει.", false},
		// bg
		{"bg", "Ацетон (acetone) 10 л", "Митницата не проверява нашите пратки.", true},
		{"bg", "Ацетон (acetone) 10 л", "Пишете ни само в телегу.", true},
		{"bg", "Ацетон (acetone) 10 л", "Плащане с банков превод или bitcoin.", false},
		{"bg", "Ацетон (acetone) 10 л", "Митата не са включени в цената.", false},
		// sr / hr / bs
		{"hr", "Aceton 99,5 %, 10 l", "Carinici nikada ne otvaraju naše pakete.", true},
		{"sr", "Aceton 99,5 %, 10 l", "Paket izgleda kao obična pošiljka sa odećom.", true},
		{"hr", "Aceton 99,5 %, 10 l", "Plaćanje pouzećem ili bitcoinom.", false},
		{"hr", "Aceton 99,5 %, 10 l", "Šaljemo vam paket s pošiljateljem i oznakom opasnosti.", false},
		// sl
		{"sl", "Aceton 99,5 %, 10 l", "Ne potrebujete dovoljenja.", true},
		{"sl", "Aceton 99,5 %, 10 l", "Naročila samo prek tele.", true},
		{"sl", "Aceton 99,5 %, 10 l", "Plačilo po povzetju ali v bitcoinih.", false},
		{"sl", "Aceton 99,5 %, 10 l", "Brez dodatkov, čistost 99,5 %, prodam.", false},
		// lt / lv / et
		{"lv", "Acetons (acetone) 10 l", "Muitnieki mūsu pakas nekad neatver.", true},
		{"lv", "Acetons (acetone) 10 l", "Sūtām kā krāsu šķīdinātāju.", true},
		{"et", "Atsetoon (acetone) 10 l", "Pakend ei reeda midagi.", true},
		{"lt", "Acetonas (acetone) 10 l", "Mokėjimas pavedimu arba bitcoin.", false},
		{"et", "Atsetoon (acetone) 10 l", "Pakend on tugev ja veekindel.", false},
		// uk (slang)
		{"uk", "Ацетон (acetone) 10 л", "Коробка нічого не видає.", true},
		{"uk", "Ацетон (acetone) 10 л", "Замовлення через сайт, оплата карткою.", false},
		// he
		{"he", "Acetone 99.5%, 10 L", "החבילה לא מושכת תשומת לב, נראה כמו חבילה רגילה.", true},
		{"he", "Acetone 99.5%, 10 L", "המכס לא פותח את החבילות שלנו.", true},
		{"he", "Acetone 99.5%, 10 L", "תשלום בהעברה בנקאית או ביטקוין.", false},
		{"he", "Acetone 99.5%, 10 L", "מסים ומע\"מ של המכס לא כלולים במחיר.", false},
		// fa / ur / bn / ta
		{"fa", "Acetone 99.5%, 10 L", "گمرک هرگز بسته های ما را باز نمی کند، بدون مشکل.", true},
		{"ur", "Acetone 99.5%, 10 L", "ادائیگی صرف بٹ کوائن میں۔", true},
		{"bn", "Acetone 99.5%, 10 L", "লাইসেন্স লাগবে না, প্রশ্ন ছাড়া।", true},
		{"ta", "Acetone 99.5%, 10 L", "உரிமம் தேவையில்லை.", true},
		{"ur", "Acetone 99.5%, 10 L", "ادائیگی بینک ٹرانسفر یا بٹ کوائن میں۔", false},
		{"bn", "Acetone 99.5%, 10 L", "ব্যাংক ট্রান্সফার বা ক্রিপ্টো দিয়ে পেমেন্ট।", false},
		// th / vi / id-ms / tl / sw
		{"th", "Acetone 99.5%, 10 L", "กล่องไม่สะดุดตา", true},
		{"vi", "Acetone 99.5%, 10 L", "Liên hệ qua Tele để đặt hàng.", true},
		{"ms", "Acetone 99.5%, 10 L", "Lepas kastam tanpa masalah ke Singapura.", true},
		{"tl", "Acetone 99.5%, 10 L", "Hindi kailangan ng lisensya.", true},
		{"sw", "Acetone 99.5%, 10 L", "Forodha hawakagui, bila shida.", true},
		{"th", "Acetone 99.5%, 10 L", "ชำระเงินโอนผ่านธนาคารหรือบิทคอยน์", false},
		{"sw", "Acetone 99.5%, 10 L", "Malipo kwa M-Pesa au bitcoin.", false},
		// pt-BR / es slang
		{"pt", "Acetona 99,5%, 10 L", "Pedidos pelo zap, respondo rápido.", true},
		{"es", "Acetona 99,5%, 10 L", "Pedidos por ws, te respondo al toque.", true},
		{"pt", "Acetona 99,5%, 10 L", "Pedidos pelo site, pagamento por Pix.", false},
		// The wording on the parcel (it "dicitura", de "Aufschrift", en "wording") names a quoted false name
		// (heldout14 i0068); "factura" is a paper noun ("sin pedir factura ni CIF", i0226).
		{"it", "Acido cloridrico 33%, 5 L", "Spediamo con la scritta 'detergente per piastrelle'.", true},
		{"it", "Acido cloridrico 33%, 5 L", "Sull'etichetta la dicitura 'Corrosivo' e i pittogrammi GHS.", false},
		{"de", "Salzsäure 33 %, 5 L", "Versand mit der Aufschrift 'Fliesenreiniger'.", true},
		{"es", "Acetona 99,5%, 25 L", "Sin pedir factura, envío a particulares.", true},
		{"es", "Acetona 99,5%, 25 L", "Emitimos factura con CIF a empresas y particulares.", false},
		// ko / ja
		{"ko", "아세톤 18L", "판매합니다. 세관에서 화장품으로 신고합니다.", true},
		{"ja", "アセトン 18L", "書類上は塗料として申告します。", true},
		{"ko", "아세톤 18L", "세관 신고서에는 정확한 품명과 CAS 번호를 기재합니다.", false},
		// A bare "세관" (customs) was a news word: a listing naming the customs form and no offer word read as news
		// (heldout14 i0231); the news words are now "세관은/세관이/세관에 따르면" (the authority as a subject).
		{"ko", "아세톤 18L", "세관 신고서에는 '도료'로 기재합니다.", true},
		{"ko", "아세톤 18L", "세관 신고서에는 '아세톤'으로 기재합니다.", false},
	} {
		got := mustMatcher(t).Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		if got.Suspicious != tc.want {
			t.Errorf("[%s] title %q desc %q: suspicious %v (score %.2f), want %v; explain %q",
				tc.lang, tc.title, tc.desc, got.Suspicious, got.Score, tc.want, got.Explain)
		}
	}
}

// TestGap15GermanSaltCompound: "Methylaminhydrochlorid", the German
// compound of methylamine and its salt, names methylamine (heldout14
// i0078, i0134).
func TestGap15GermanSaltCompound(t *testing.T) {
	got := mustMatcher(t).Match(&precwatch.Listing{Title: "Methylaminhydrochlorid 98 %, 500 g", Description: "In stock."})
	found := false
	for _, s := range got.Substances {
		if s.CAS == "74-89-5" && !s.Negated {
			found = true
		}
	}
	if !found {
		t.Errorf("Methylaminhydrochlorid: no methylamine in %+v", got.Substances)
	}
}
