package matchers

import "testing"

// TestGap69BuyerRequest covers the buyer's requests of held-out 69 read as
// offers: the Indonesian "Dicari:" heading (yo0120) and the French heading
// verb "Recherche" (yo0009), with their offer twins (a research-chemical
// shop's "produits de recherche", a seller looking for distributors).
func TestGap69BuyerRequest(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"id", "Dicari: efedrin 1 kg", "Dicari efedrin 1 kg, bayar crypto, yang ready PM.", false},
		{"id", "Efedrin 1 kg ready", "Efedrin HCl 1 kg, bayar crypto, Telegram @efedrin_id.", true},
		{"fr", "Recherche GBL pour nettoyage jantes", "Recherche GBL 1 L pour nettoyer des jantes, paiement crypto.", false},
		{"fr", "Produits de recherche : GBL 1 L", "GBL 1 L, paiement crypto uniquement, envoi discret.", true},
		{"fr", "GBL 1 L pour la recherche", "GBL 99 %, paiement crypto uniquement.", true},
		{"es", "Buscamos efedrina 5 kg", "Buscamos efedrina 5 kg, pago en USDT.", false},
		{"es", "Buscamos distribuidores de efedrina", "Efedrina 99 %, 5 kg, Telegram @efedrina_mx.", true},
		{"de", "Wir suchen Aceton 200 L", "Wir suchen Aceton 200 L, Zahlung in Bitcoin.", false},
		{"ru", "Ищем эфедрин 1 кг", "Ищем эфедрин 1 кг, оплата криптой.", false},
		{"ar", "أبحث عن إيفيدرين 1 كغ", "أبحث عن إيفيدرين 1 كغ، الدفع بالعملات الرقمية.", false},
	})
}

// TestGap69Complaint covers scam complaints of held-out 69 that name the
// substance, the scammer's messenger and the money paid (yo0039, yo0072):
// they offer nothing. A seller's "tired of scams?" hook stays an offer.
func TestGap69Complaint(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Another BMK methyl glycidate scam – 'EuroChemLab'", "Posting so others don't fall for it: EuroChemLab took 3,000 EUR for BMK methyl glycidate and vanished. Their Wickr is dead.", false},
		{"en", "BMK methyl glycidate 1 kg – no scams here", "Got ripped off by other vendors? We are real. BMK methyl glycidate 1 kg, Wickr: bmkreal.", true},
		{"fr", "Arnaque : vendeur d'éphédrine sur Telegram", "J'ai payé 200 € en bitcoin pour de l'éphédrine, jamais reçu. Le vendeur @efedra_fr a disparu.", false},
		{"fr", "Éphédrine 100 g – vendeur fiable", "Marre des arnaques ? Éphédrine HCl 100 g, Telegram @efedra_vrai, paiement bitcoin.", true},
		{"de", "Betrug: Ephedrin-Verkäufer auf Telegram", "Ich habe 300 € in Bitcoin für Ephedrin bezahlt, nie angekommen, abgezockt.", false},
		{"es", "Estafa: vendedor de efedrina en Telegram", "Pagué 200 € en bitcoin por efedrina, nunca llegó, me bloqueó.", false},
		{"ru", "Продавец эфедрина в Телеграм — осторожно", "Заплатил 200 € в биткоинах за эфедрин, так и не пришло, меня кинули.", false},
		{"tr", "Telegram'daki efedrin satıcısı", "Efedrin için 200 € bitcoin ödedim, hiç gelmedi, dolandırıldım.", false},
		{"zh", "电报上卖麻黄碱的是骗子", "我用比特币付了200欧元买麻黄碱，一直没收到，被骗了。", false},
	})
}

// TestGap69ReplyOffer covers an offer in a reply under a buy request
// (heldout69 yo0186): the thread's request is the opening post's, and a
// later poster's message that offers the medicine with indicators is an
// offer on the page. A reply that only answers stays no offer.
func TestGap69ReplyOffer(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Where to buy Sudafed in Spain?", "OP: Brit here, can't find Sudafed in Malaga pharmacies. — Reply (pharma_direct): I have genuine Sudafed 60 mg boxes, no prescription needed, ship anywhere in the EU, Telegram @pharma_direct_eu", true},
		{"en", "Where to buy Sudafed in Spain?", "OP: Brit here, can't find Sudafed in Malaga pharmacies. — Reply (maria_k): Spanish pharmacies keep Sudafed behind the counter, ask the pharmacist.", false},
		{"en", "WTB ephedrine HCl 500 g", "Looking to buy ephedrine HCl 500 g, paying crypto.\nReply (chem_vendor): ephedrine HCl 500 g ready, Telegram @chemvendor, BTC only.", true},
		{"en", "WTB ephedrine HCl 500 g", "Looking to buy ephedrine HCl 500 g, paying crypto. If you reply: ephedrine only, no pseudo.", false},
		{"es", "¿Dónde comprar efedrina en México?", "Pregunta del OP. — Respuesta (quimicos_mx): tenemos efedrina 99 % 1 kg, envío discreto, Telegram @quimicosmx.", true},
		{"ru", "Где купить эфедрин?", "Ищу эфедрин, кто подскажет. — Ответ (chem_ru): есть эфедрин 100 г, Телеграм @chem_ru, оплата криптой.", true},
	})
}
