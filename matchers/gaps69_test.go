package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

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

// TestGap69QuestionThread covers question pages of held-out 69 (yo0004,
// yo0078, yo0154, yo0181) and heldout68 yp0128: a question in the title
// and answers that offer nothing name substances without offering them,
// while an answer that offers in the first person, with a quantity, a
// contact or an indicator makes the page an offer, and so does a seller's
// rhetorical question inside an offer.
func TestGap69QuestionThread(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Is it legal to buy potassium permanganate for my koi pond (UK)?", "Answer: yes, aquatic shops sell it as pond treatment; large quantities need the seller to check your use.", false},
		{"en", "Is it legal to buy potassium permanganate for my koi pond (UK)?", "Answer: yes, and we sell it: 25 kg drums, Telegram @kmno4_uk.", true},
		{"en", "Is ethyl acetoacetate the same as EAPA?", "Answer: no. Ethyl acetoacetate (CAS 141-97-9) is a common reagent; EAPA has a phenyl group.", false},
		{"en", "Is ethyl acetoacetate the same as EAPA?", "Answer: no. We sell EAPA, 99%, contact us for a quote.", true},
		{"en", "Do we need acetic anhydride for aspirin?", "Answer: yes — salicylic acid plus acetic anhydride with a drop of sulfuric acid as catalyst. Your school buys the anhydride from its usual supplier with a customer declaration.", false},
		{"en", "Homebrew soda: is sassafras oil banned?", "Thread: sassafras oil is restricted because of safrole; use safrole-free extracts for root beer. Anyone know a good supplier of the extract?", false},
		{"en", "Sassafras oil 1 L, banned?", "Not here. Telegram @sassafras_eu.", true},
		{"en", "Anyone need BMK glycidate?", "PM me.", true},
		{"es", "¿Alguien sabe qué es el MAPA (metil α-fenilacetoacetato)?", "Respuesta: nosotros lo vendemos, α-fenilacetoacetato de metilo, CAS 16648-44-5, 25 kg, entrega segura a México.", true},
		{"es", "¿Alguien sabe qué es el MAPA (metil α-fenilacetoacetato)?", "Respuesta: es un precursor de la anfetamina, controlado en la UE desde 2020.", false},
		{"de", "Ist Kaliumpermanganat für den Gartenteich legal?", "Antwort: ja, Zoohandlungen verkaufen es als Teichpflege.", false},
		{"de", "Ist Kaliumpermanganat für den Gartenteich legal?", "Antwort: ja, wir verkaufen Kaliumpermanganat, 25 kg, Telegram @kmno4_de.", true},
		{"fr", "L'anhydride acétique est-il nécessaire pour l'aspirine ?", "Réponse : oui, avec une goutte d'acide sulfurique ; le lycée l'achète chez son fournisseur habituel.", false},
		{"fr", "L'anhydride acétique est-il nécessaire pour l'aspirine ?", "Réponse : nous vendons l'anhydride acétique, 25 L, livraison discrète.", true},
		{"ru", "Можно ли купить перманганат калия для пруда?", "Ответ: да, зоомагазины продают его для прудов.", false},
		{"ru", "Можно ли купить перманганат калия для пруда?", "Ответ: у нас есть перманганат калия 25 кг, пишите в Телеграм @kmno4_ru.", true},
		{"pl", "Czy nadmanganian potasu jest legalny?", "Odpowiedź: tak, sklepy zoologiczne sprzedają go do oczek wodnych.", false},
		{"tr", "Potasyum permanganat yasal mı?", "Cevap: evet, akvaryum dükkanları satıyor.", false},
		{"zh", "高锰酸钾哪里可以买？", "回复：我们有高锰酸钾现货25公斤，联系电报 @kmno4_cn。", true},
		{"en", "N-Boc-4-piperidone 79099-07-3 & 4-piperidone ethylene ketal 40064-34-4?", "Building blocks, 98%.", true},
	})
}

// TestGap69IodineTincture covers iodine tincture named in Czech (heldout69
// yo0090) and its neighbours, where the bare name "jod"/"jód" is
// ambiguous with JOD (the Jordanian dinar): the tincture names iodine.
func TestGap69IodineTincture(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct{ title, desc string }{
		{"Je legální koupit jód na dezinfekci?", "Odpověď: jodová tinktura se prodává v lékárně volně."},
		{"Jódová tinktúra 2 %, 30 ml", "Dezinfekcia rán."},
		{"Jodyna 3 %, 10 ml", "Do dezynfekcji skóry."},
		{"Настойка йоду 5 %, 20 мл", "Антисептик."},
	} {
		res := m.Match(&precwatch.Listing{ID: "g", Title: tc.title, Description: tc.desc})
		if got := offeredCAS(res); !slices.Equal(got, []string{"7553-56-2"}) {
			t.Errorf("%q: CAS %v, want [7553-56-2]", tc.title, got)
		}
		if res.Suspicious {
			t.Errorf("%q: suspicious, want not (a retail tincture without indicators)", tc.title)
		}
	}
}
