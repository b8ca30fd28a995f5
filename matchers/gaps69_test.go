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
		// A thread holding a complaint and a seller's reply offering stock offers.
		{"en", "Scam warning: EuroChemLab", "EuroChemLab took my money for BMK glycidate and vanished, never received anything. — Reply (bmk_real): we are legit, BMK glycidate 1 kg in stock, Telegram @bmk_real.", true},
		{"fr", "Arnaque éphédrine", "Jamais reçu mon éphédrine, le vendeur a disparu, je me suis fait arnaquer. — Réponse (efedra_pro) : nous avons de l'éphédrine 1 kg en stock, Telegram @efedra_pro.", true},
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
		// Sellers' hooks asked of the reader, with a contact or stock word and no first person.
		{"en", "Anyone need BMK glycidate?", "DM for details.", true},
		{"en", "Anyone need BMK glycidate?", "Inbox.", true},
		{"en", "Who needs ephedrine?", "Available now, message for details.", true},
		{"en", "Anyone interested in PMK glycidate?", "Write to the account in the profile.", true},
		{"en", "Need ephedrine?", "Contact for price.", true},
		{"es", "¿Alguien necesita efedrina?", "Escribir por privado.", true},
		{"ru", "Кому нужен эфедрин?", "Пишите в личку.", true},
		{"de", "Braucht jemand Ephedrin?", "Einfach anschreiben.", true},
		{"zh", "有人要麻黄碱吗？", "私聊。", true},
		{"en", "Is ethyl acetoacetate the same as EAPA?", "Answer: no, and EAPA is not available in any lab catalogue.", false},
		// An answer that quotes a sum or speaks for a company answers as a seller.
		{"en", "What is the best price for BMK glycidate?", "We can do 900 EUR per kilo, door to door.", true},
		{"en", "Is 4-AP the same as 4-anilinopiperidine?", "Yes. Ours is 99% pure.", true},
		{"ru", "Что такое BMK глицидат?", "Ответ: у нас он всегда в наличии, пишите.", true},
		{"en", "What is the best price for BMK glycidate?", "Answer: about €900 a kilo on darknet markets, police say.", false},
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

// TestGap69Languages holds the buyer-request, complaint and question
// readings of round fix69 across languages, each beside offer twins: a
// buyer's request with crypto and Telegram offers nothing, a seller's
// "looking for X?" hook and a reply that offers stay offers.
func TestGap69Languages(t *testing.T) {
	runVerdicts(t, []verdictCase{
		// buyer requests, Table I + crypto/Telegram: not suspicious
		{"en", "WTB ephedrine 1 kg", "Looking to buy ephedrine 1 kg, paying BTC, Telegram @buyer1.", false},
		{"zh", "求购 麻黄碱 1公斤", "求购麻黄碱1公斤，USDT付款，电报 @buyer_cn。", false},
		{"ru", "Куплю эфедрин 1 кг", "Куплю эфедрин 1 кг, оплата в крипте, телеграм @buyer_ru.", false},
		{"es", "Compro efedrina 1 kg", "Compro efedrina 1 kg, pago en BTC, Telegram @comprador.", false},
		{"de", "Suche Ephedrin 1 kg", "Suche Ephedrin 1 kg, Zahlung in BTC, Telegram @kaeufer.", false},
		{"fr", "Je cherche de l'éphédrine 1 kg", "Je cherche de l'éphédrine 1 kg, paiement en BTC, Telegram @acheteur.", false},
		{"pt", "Procuro efedrina 1 kg", "Procuro efedrina 1 kg, pagamento em BTC, Telegram @comprador_br.", false},
		{"pl", "Kupię efedrynę 1 kg", "Kupię efedrynę 1 kg, płatność BTC, Telegram @kupujacy.", false},
		{"tr", "Efedrin 1 kg alınır", "Efedrin 1 kg alınır, ödeme BTC, Telegram @alici.", false},
		{"ar", "أريد شراء الإيفيدرين 1 كغ", "أريد شراء الإيفيدرين 1 كغ، الدفع بالبيتكوين، تيليجرام @buyer_ar", false},
		{"nl", "Gezocht: efedrine 1 kg", "Gezocht efedrine 1 kg, betaling in BTC, Telegram @koper.", false},
		{"it", "Cerco efedrina 1 kg", "Cerco efedrina 1 kg, pagamento in BTC, Telegram @compratore.", false},
		{"uk", "Шукаю ефедрин 1 кг", "Шукаю ефедрин 1 кг, оплата BTC, телеграм @pokupets.", false},
		{"id", "Dicari efedrin 1 kg", "Dicari efedrin 1 kg, bayar BTC, Telegram @pembeli.", false},
		{"ko", "에페드린 1kg 삽니다", "에페드린 1kg 삽니다, 비트코인 결제, 텔레그램 @buyer_kr", false},
		{"ja", "エフェドリン 1kg 求む", "エフェドリン1kg求む。ビットコイン払い、テレグラム @buyer_jp", false},
		{"vi", "Cần mua ephedrine 1 kg", "Cần mua ephedrine 1 kg, thanh toán BTC, Telegram @nguoimua.", false},
		{"cs", "Koupím efedrin 1 kg", "Koupím efedrin 1 kg, platba BTC, Telegram @kupec.", false},
		// offer twins
		{"en", "Ephedrine 1 kg", "Ephedrine HCl 1 kg, BTC only, Telegram @seller1.", true},
		{"zh", "出售 麻黄碱 1公斤", "麻黄碱1公斤现货，USDT付款，电报 @seller_cn。", true},
		{"ru", "Продам эфедрин 1 кг", "Продам эфедрин 1 кг, оплата криптой, телеграм @seller_ru.", true},
		{"es", "Vendo efedrina 1 kg", "Vendo efedrina 1 kg, pago en BTC, Telegram @vendedor.", true},
		{"de", "Ephedrin 1 kg zu verkaufen", "Ephedrin 1 kg, Zahlung nur BTC, Telegram @verkaeufer.", true},
		{"fr", "Éphédrine 1 kg à vendre", "Éphédrine 1 kg, paiement BTC uniquement, Telegram @vendeur.", true},
		{"pl", "Sprzedam efedrynę 1 kg", "Sprzedam efedrynę 1 kg, płatność BTC, Telegram @sprzedawca.", true},
		{"tr", "Efedrin 1 kg satılık", "Efedrin 1 kg satılık, ödeme BTC, Telegram @satici.", true},
		// question hooks by sellers
		{"en", "Looking for ephedrine?", "We have ephedrine HCl 1 kg in stock, Telegram @seller2.", true},
		{"ru", "Ищете эфедрин?", "У нас есть эфедрин 1 кг, телеграм @seller_ru2.", true},
		{"es", "¿Buscas efedrina?", "Tenemos efedrina 1 kg, Telegram @vendedor2.", true},
		{"de", "Sie suchen Ephedrin?", "Wir haben Ephedrin 1 kg auf Lager, Telegram @verkaeufer2.", true},
		{"fr", "Vous cherchez de l'éphédrine ?", "Nous avons de l'éphédrine 1 kg en stock, Telegram @vendeur2.", true},
		// knowledge questions, not suspicious
		{"en", "What is BMK glycidate used for?", "Answer: it is a precursor of P2P; it is controlled in the EU.", false},
		{"ru", "Что такое BMK глицидат?", "Ответ: это прекурсор, он запрещён в ЕС.", false},
		{"es", "¿Qué es el glicidato de BMK?", "Respuesta: es un precursor controlado en la UE.", false},
		{"de", "Was ist BMK-Glycidat?", "Antwort: ein Vorläuferstoff, in der EU kontrolliert.", false},
		{"zh", "BMK甲基缩水甘油酸酯是什么？", "回答：这是一种易制毒前体，在欧盟受管制。", false},
		{"pl", "Co to jest glicydan BMK?", "Odpowiedź: prekursor kontrolowany w UE.", false},
		{"tr", "BMK glisidat nedir?", "Cevap: AB'de kontrol edilen bir öncül.", false},
		{"pt", "Golpe: vendedor de efedrina no Telegram", "Paguei 200 € em bitcoin por efedrina, nunca chegou, fui enganado.", false},
		{"it", "Truffa: venditore di efedrina su Telegram", "Ho pagato 200 € in bitcoin per l'efedrina, mai arrivato, mi hanno truffato.", false},
		{"nl", "Oplichting: efedrine-verkoper op Telegram", "200 € in bitcoin betaald voor efedrine, nooit ontvangen, opgelicht.", false},
		{"pl", "Oszustwo: sprzedawca efedryny na Telegramie", "Zapłaciłem 200 € w bitcoinach za efedrynę, nigdy nie dotarło, oszukali mnie.", false},
		{"uk", "Шахрай: продавець ефедрину в Телеграм", "Заплатив 200 € у біткоїнах за ефедрин, так і не прийшло, мене кинули.", false},
		{"ar", "احتيال: بائع إيفيدرين على تيليجرام", "دفعت 200 يورو بالبيتكوين مقابل الإيفيدرين، لم أستلم شيئا، تعرضت للنصب.", false},
		{"id", "Penipuan: penjual efedrin di Telegram", "Saya bayar 200 € pakai bitcoin untuk efedrin, tidak pernah sampai, saya ditipu.", false},
		{"en", "Is it legal to import 4-AP to Mexico?", "Our 4-AP (4-anilinopiperidine) reaches Mexico safely, 1 kg, Telegram @4ap_supply.", true},
		{"en", "Is 4-AP legal in Mexico?", "Answer: no, 4-anilinopiperidine is a controlled fentanyl precursor there.", false},
		{"pt", "É legal comprar permanganato de potássio para aquário?", "Resposta: sim, lojas de aquário vendem como tratamento.", false},
		{"it", "È legale comprare permanganato di potassio per il laghetto?", "Risposta: sì, i negozi di acquari lo vendono.", false},
		{"nl", "Is kaliumpermanganaat legaal voor de vijver?", "Antwoord: ja, dierenwinkels verkopen het als vijvermiddel.", false},
		{"ja", "過マンガン酸カリウムは合法ですか？", "回答：はい、観賞魚店で売っています。", false},
		{"ko", "과망간산칼륨 사도 되나요?", "답변: 네, 수족관 가게에서 살 수 있어요.", false},
		{"ar", "هل شراء برمنغنات البوتاسيوم قانوني؟", "الجواب: نعم، محلات الأسماك تبيعه لعلاج الأحواض.", false},
		{"ru", "Где купить эфедрин?", "Ответ: нигде, он под контролем.", false},
		{"en", "Ephedrine HCl 1 kg – comments", "Comment (buyer22): is it legit? — Reply (seller): yes, ephedrine HCl 1 kg ready, Wickr: ephedra.", true},
	})
}
