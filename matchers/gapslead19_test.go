package matchers

import "testing"

// TestGapLead19QuestionAnswered: report words that stand only in the
// question a title asks ("Why is safrole so expensive?") are answered by
// the page: a seller's risk indicator below it (a messenger handle,
// stealth packaging, a customs promise, crypto payment) makes the answer an
// offer. A question whose page offers nothing, or whose body holds report
// words of its own, or only the words a lesson discusses (a conversion,
// "without prescription"), stays a report.
func TestGapLead19QuestionAnswered(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Why is safrole so expensive?", "350 USD a litre here, write me on Wire @saf_oil", true},
		{"en", "Why is safrole so expensive?", "Ours is cheaper. Discreet packaging, pay in BTC only.", true},
		{"en", "Why are BMK glycidate prices so high?", "We ship to Germany with 100% customs pass, Threema ABCD1234", true},
		// Innocent twins.
		{"en", "Why is safrole so expensive?", "Reply: it is a Table I precursor, sellers need licences. Reply: sassafras oil is banned.", false},
		{"en", "Why is acetic anhydride so hard to buy?", "I'm a grad student and our supplier wants paperwork for a 500 mL bottle. Is it really that controlled?", false},
		{"en", "Why is pseudoephedrine sold without prescription in Mexico?", "I saw Sudafed on shelves without prescription, is it legal?", false},
		{"pt", "Aula: por que a pseudoefedrina é controlada?", "Explicamos a conversão da pseudoefedrina em metanfetamina no contexto regulatório, sem detalhes de síntese.", false},
		{"en", "Why is safrole so expensive?", "Police said the gang sold it on Telegram; the court heard they used crypto.", false},
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
