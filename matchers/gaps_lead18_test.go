package matchers

import "testing"

// TestGapLead18WeHave: a thread whose title asks where to buy a substance
// and whose body answers "we have it" ("Tenemos efedrina pura", "У нас
// есть сафрол") offers it: the seller's first person plural right before
// the name the title asks for makes the body an offer, in the languages
// of the probe, whatever request or report words the title holds ("où
// acheter", "gdzie kupić", "哪里买"). A buyer's own words stay a request: "I have tried three
// vendors", "we have a licence, need 5 kg", "we have been looking for".
func TestGapLead18WeHave(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "¿Dónde comprar efedrina?", "Tenemos efedrina pura, envío discreto a toda España", true},
		{"en", "Where to buy ephedrine?", "We have pure ephedrine HCl, discreet shipping all over Spain", true},
		{"de", "Wo kann man Ephedrin kaufen?", "Wir haben reines Ephedrin, diskreter Versand.", true},
		{"ru", "Где купить эфедрин?", "У нас есть эфедрин, отправка по всей России.", true},
		{"fr", "Où acheter de l'éphédrine ?", "Nous avons de l'éphédrine pure, envoi discret.", true},
		{"pl", "Gdzie kupić efedrynę?", "Mamy czystą efedrynę, wysyłka dyskretna.", true},
		{"zh", "哪里买麻黄碱？", "我们有麻黄碱，安全发货。", true},
		// The buyer's own words: no seller's first person before the name.
		{"es", "¿Dónde comprar efedrina?", "Busco efedrina pura, envío discreto a España por favor", false},
		{"en", "Where to buy ephedrine?", "I have tried three vendors for ephedrine and all were scams.", false},
		{"en", "Where to buy ephedrine?", "We have a licence. Need ephedrine 5 kg, discreet shipping please.", false},
		{"en", "Where to buy ephedrine?", "We have been looking for ephedrine for weeks.", false},
		{"de", "Wo kann man Ephedrin kaufen?", "Wir haben schon überall gesucht, Ephedrin gibt es nirgends.", false},
		{"en", "Where to buy ephedrine?", "We have found ephedrine at one pharmacy only, any other source?", false},
		{"es", "¿Dónde comprar efedrina?", "Tenemos receta pero no encontramos efedrina en ninguna farmacia", false},
		// News: a seizure told in the first person is no "we have".
		{"en", "Police: 200 kg of ephedrine seized", "We have seized ephedrine and arrested two suspects, the police said.", false},
		{"de", "Zoll stellt Ephedrin sicher", "Wir haben 50 kg Ephedrin sichergestellt, teilte der Zoll mit.", false},
	})
}

// TestGapLead18AnsweredNo: "Does it contain pseudoephedrine? No, it
// contains phenylephrine" denies the name in the languages of the probe:
// the Arabic '؟' and the Greek question mark (U+037E, not the ';' most
// Greek keyboards type) end a question, "no" is read in ar, fa, he, hi, ur, id,
// vi, fi, hu, ro, el and sw, and "contains" in pt, ar, fa, he, id, vi, hu,
// ro, fi and el (and, session 19, in hi, ur, th and sw). A "no" that starts "no problem" or
// "don't hesitate" is no answer, in Russian and Arabic as in English.
func TestGapLead18AnsweredNo(t *testing.T) {
	runSubstances(t, []substanceCase{
		{"Cold tablets 20 pcs", "Does it contain pseudoephedrine? No, it contains phenylephrine.", nil},
		{"أقراص البرد 20 قرص", "هل يحتوي على السودوإيفيدرين؟ لا، يحتوي على فينيليفرين.", nil},
		{"قرص سرماخوردگی ۲۰ عدد", "آیا حاوی سودوافدرین است؟ نه، حاوی فنیل‌افرین است.", nil},
		{"Tablet flu 20 butir", "Apakah mengandung pseudoefedrin? Tidak, mengandung fenilefrin.", nil},
		{"Viên cảm cúm 20 viên", "Có chứa pseudoephedrine không? Không, chứa phenylephrine.", nil},
		{"Megfázás elleni tabletta 20 db", "Tartalmaz pszeudoefedrint? Nem, fenilefrint tartalmaz.", nil},
		{"Comprimate răceală 20 buc", "Conține pseudoefedrină? Nu, conține fenilefrină.", nil},
		{"Vilustumistabletit 20 kpl", "Sisältääkö se pseudoefedriiniä? Ei, se sisältää fenyyliefriiniä.", nil},
		{"Comprimidos gripe 20 un", "Contém pseudoefedrina? Não, contém fenilefrina.", nil},
		{"טבליות הצטננות 20 יח'", "האם זה מכיל פסאודואפדרין? לא, מכיל פנילאפרין.", nil},
		{"Δισκία κρυολογήματος 20 τεμ.", "Περιέχει ψευδοεφεδρίνη\u037e Όχι, περιέχει φαινυλεφρίνη.", nil},
		// Lead, session 19: "contains" in hi, ur, th and sw.
		{"सर्दी की गोलियाँ 20", "क्या इसमें स्यूडोएफ़ेड्रिन है? नहीं, इसमें फिनाइलएफ्रिन है।", nil},
		{"نزلہ کی گولیاں 20", "کیا اس میں سیوڈوایفیڈرین ہے؟ نہیں، اس میں فینائلفرین ہے۔", nil},
		{"ยาแก้หวัด 20 เม็ด", "มีซูโดอีเฟดรีนไหม? ไม่ครับ มีฟีนิลเอฟรีน", nil},
		{"Vidonge vya mafua 20", "Je, ina pseudoephedrine? Hapana, ina phenylephrine.", nil},
		// Answered yes, the cue denies nothing.
		{"Vidonge vya mafua 20", "Je, ina pseudoephedrine? Ndiyo, vidonge 20 kwa pakiti.", []string{"pseudoephedrine"}},
		{"ยาแก้หวัด 20 เม็ด", "มีซูโดอีเฟดรีนไหม? มีครับ 20 เม็ด", []string{"pseudoephedrine"}},
		{"सर्दी की गोलियाँ 20", "क्या इसमें स्यूडोएफ़ेड्रिन है? हाँ, 60 मिलीग्राम।", []string{"pseudoephedrine"}},
		// A "no" that opens another phrase answers nothing.
		{"Эфедрин 100 г", "Нужен эфедрин? Нет проблем, отправим быстро.", []string{"ephedrine"}},
		{"إيفيدرين 100 غرام", "تحتاج إيفيدرين؟ لا تتردد في مراسلتنا.", []string{"ephedrine"}},
	})
}
