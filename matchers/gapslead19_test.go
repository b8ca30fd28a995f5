package matchers

import "testing"

// TestGapLead19QuestionAnswered: report words that stand only in the
// question a title asks ("Why is safrole so expensive?") are answered by
// the page: a messenger contact below it makes the answer an offer. A question whose page offers nothing, or whose body holds report
// words of its own, or only the words a lesson discusses (a conversion,
// "without prescription"), stays a report.
func TestGapLead19QuestionAnswered(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Why is safrole so expensive?", "350 USD a litre here, write me on Wire @saf_oil", true},
		{"en", "Why are BMK glycidate prices so high?", "We ship to Germany with 100% customs pass, Threema ABCD1234", true},
		// Innocent twins.
		{"en", "Why is safrole so expensive?", "Reply: it is a Table I precursor, sellers need licences. Reply: sassafras oil is banned.", false},
		{"en", "Why is acetic anhydride so hard to buy?", "I'm a grad student and our supplier wants paperwork for a 500 mL bottle. Is it really that controlled?", false},
		{"en", "Why is pseudoephedrine sold without prescription in Mexico?", "I saw Sudafed on shelves without prescription, is it legal?", false},
		{"pt", "Aula: por que a pseudoefedrina é controlada?", "Explicamos a conversão da pseudoefedrina em metanfetamina no contexto regulatório, sem detalhes de síntese.", false},
		{"en", "Why is safrole so expensive?", "Police said the gang sold it on Telegram; the court heard they used crypto.", false},
		{"en", "Why was BMK glycidate added to Table I?", "The board found it sold online with stealth shipping.", false},
	})
}

// TestGapLead19Angemeldet: "als Reinigungsmittel angemeldet" declares a
// parcel as another good, as "als … deklariert" does; who is registered as
// what ("als Gewerbe angemeldet", "als Händler angemeldet") declares nothing.
func TestGapLead19Angemeldet(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "Aceton technisch 10 l", "Versand als Reinigungsmittel angemeldet, Zahlung per Überweisung.", true},
		{"de", "Aceton technisch 10 l", "Die Sendung wird beim Zoll als Badesalz angemeldet.", true},
		// Innocent twins.
		{"de", "Aceton technisch 10 l", "Wir sind als Gewerbe angemeldet, Rechnung mit MwSt.", false},
		{"de", "Aceton technisch 10 l", "Als Händler angemeldet seit 2010, Versand mit DHL.", false},
		{"de", "Aceton technisch 10 l", "Als Gefahrgut angemeldet (UN1090, Klasse 3).", false},
	})
}

// TestGapLead19InventoryEmail: a lab's inventory that says nothing in it
// is sold or passed on stays no offer when it gives its office's e-mail
// ("Enviar a prevencion@uni.example", document h15-es); a messenger
// handle, a phone number or a price makes the same text an offer.
func TestGapLead19InventoryEmail(t *testing.T) {
	inv := "Inventario de reactivos — Laboratorio de Química Orgánica II"
	body := "Acetona 5 L, ácido sulfúrico 96 % 2 L, permanganato de potasio 500 g, tolueno 2,5 L. Nada de esto se vende ni se cede: es consumo propio de las prácticas."
	runVerdicts(t, []verdictCase{
		{"es", inv, body + " Enviar a prevencion@uni.example con copia a la dirección.", false},
		{"es", inv, body, false},
		{"en", "Chemical inventory — Organic Chemistry teaching lab", "Acetone 5 L, potassium permanganate 500 g, toluene 2.5 L. None of this is sold or passed on. Send corrections to safety@uni.example.", false},
		// Offer twins.
		{"es", inv, body + " Pedidos por Telegram @reactivos_lab.", true},
		{"es", inv, body + " Escríbenos al WhatsApp +34 612 345 678.", true},
	})
}
