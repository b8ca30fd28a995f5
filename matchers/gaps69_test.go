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
