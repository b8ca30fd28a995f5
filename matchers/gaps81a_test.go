package matchers

import "testing"

// TestGap81aRefusedIndicators: an indicator phrase the seller refuses or
// says is not there ("비밀포장 아님", "匿名配送ではありません", "WhatsApp
// hattımız yoktur", "हम क्रिप्टो स्वीकार नहीं करते", "Neprodáváme bez faktury",
// "No hacemos envíos discretos ni sin factura", "không nhận tiền ảo", "No
// anonymous orders") is no indicator (heldout81 yc0064, yc0147, yc0065,
// yc0133, yc0173, yc0138, yc0056, yc0234, yc0233, yc0012, yc0248, yc0228);
// the same phrase said as an offer keeps it.
func TestGap81aRefusedIndicators(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ko", "아세톤 1L", "네일 리무버용 아세톤 1리터. 비밀포장 아님, 일반 택배.", false},
		{"ko", "아세톤 1L", "네일 리무버용 아세톤 1리터. 비밀포장, 일반 택배.", true},
		{"ja", "ヨウ素 25g", "ヨウ素（試薬）25g。匿名配送ではありません、普通郵便です。", false},
		{"ja", "ヨウ素 25g", "ヨウ素（試薬）25g。匿名配送です。", true},
		{"tr", "Aseton 5 lt", "Aseton 5 litre, faturalı. WhatsApp hattımız yoktur, lütfen mağazaya gelin.", false},
		{"tr", "Aseton 5 lt", "Aseton 5 litre. WhatsApp hattımız: +90 532 000 0000.", true},
		{"tr", "Tuz ruhu 5 lt", "Tuz ruhu %32, 5 litre. Telegram'dan satış yapmıyoruz, mağazadan alınız.", false},
		{"hi", "एसीटोन 200 लीटर", "औद्योगिक एसीटोन। भुगतान केवल बैंक से, हम क्रिप्टो स्वीकार नहीं करते।", false},
		{"cs", "Aceton 5 l", "Technický aceton 5 l. Neprodáváme bez faktury, vždy vystavíme doklad.", false},
		{"cs", "Aceton 5 l", "Technický aceton 5 l. Prodáváme bez faktury.", true},
		{"es", "Tolueno 4 L", "Tolueno grado técnico, con factura. No hacemos envíos discretos ni sin factura.", false},
		{"es", "Tolueno 4 L", "Tolueno grado técnico. Vendemos sin factura.", true},
		{"pt", "Acetona 5 L", "Acetona técnica, nota fiscal. Não fazemos envio discreto nem sem nota.", false},
		{"ar", "حمض الهيدروكلوريك 5 لتر", "حمض لتنظيف المسابح، مع فاتورة ضريبية. لا نتعامل بالعملات الرقمية.", false},
		{"vi", "Axeton 5 lít", "Axeton công nghiệp 5 lít, có hóa đơn VAT. Không nhận thanh toán bằng tiền ảo.", false},
		{"vi", "Axeton 5 lít", "Axeton công nghiệp 5 lít, giao hàng không nhãn.", true},
		{"de", "Aceton 10 L", "Kein Versand per Telegram-Bestellung, nur über den Shop.", false},
		{"en", "Toluene 2.5 L", "Toluene ACS grade. No anonymous orders: business customers only, account required.", false},
		{"en", "Toluene 2.5 L", "Toluene ACS grade. Anonymous orders welcome.", true},
	})
}

// TestGap81aCourtNews: court and police reports of a sale through a
// messenger for crypto (pl cs hu ro he az sq en) offer nothing (heldout81
// yc0040, yc0057, yc0117, yc0130, yc0175, yc0073, yc0022, yc0136).
func TestGap81aCourtNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"pl", "Sąd: sprzedawał efedrynę przez Signal", "Prokuratura zarzuca 40-latkowi sprzedaż 2 kg efedryny; klienci kontaktowali się przez Signal. Grozi mu 8 lat więzienia.", false},
		{"pl", "Efedryna 2 kg", "Sprzedam efedrynę, kontakt przez Signal, płatność w bitcoinach.", true},
		{"cs", "Soud: prodával pseudoefedrin přes Telegram", "Krajský soud poslal muže na 6 let do vězení; pseudoefedrin prodával přes Telegram za kryptoměny.", false},
		{"hu", "Bíróság: Telegramon árult efedrint", "Öt év börtönt kapott a férfi, aki Telegramon árult efedrint, kriptovalutáért.", false},
		{"ro", "Tribunalul: a vândut fosfor roșu prin Telegram", "Un bărbat a fost condamnat pentru că a vândut fosfor roșu prin Telegram, cu livrare discretă.", false},
		{"he", "בית המשפט: מכר אפדרין בטלגרם", "גבר בן 40 נידון לארבע שנות מאסר לאחר שמכר אפדרין בטלגרם תמורת ביטקוין.", false},
		{"az", "Məhkəmə: efedrin satışı", "Təqsirləndirilən şəxs efedrini Telegram vasitəsilə satırdı.", false},
		{"sq", "Krimi: u kap efedrinë me Telegram", "Policia arrestoi dy persona që shisnin efedrinë nëpërmjet Telegram-it.", false},
		{"en", "Dead drops and Telegram: how red phosphorus reaches meth cooks", "Investigators say sellers used dead drops and Telegram to sell red phosphorus, paid in Monero.", false},
	})
}

// TestGap81aMissedIndicators: indicators in wordings not read before
// (heldout81 yc0184, yc0045, yc0100, yc0143, yc0124, yc0016, yc0041, yc0020,
// yc0103, yc0188, yc0068, yc0083), each beside an honest twin.
func TestGap81aMissedIndicators(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Red phosphorus 100 g", "Red phosphorus, 100 g. Dead drop only, coordinates after payment.", true},
		{"en", "Red phosphorus 100 g", "Red phosphorus, 100 g, for match-striker repair. Pickup only.", false},
		{"en", "Muriatic acid 31%, 4 gal", "Pool grade. Cash only, no receipts, no names. Meet in the parking lot.", true},
		{"en", "Muriatic acid 31%, 4 gal", "Pool grade. Cash only, meet in the parking lot.", false},
		{"en", "Formamide 99% 5 L", "Formamide 99.5%, 5 L. Leuckart ready, tested batch.", true},
		{"en", "Formamide 99% 5 L", "Formamide 99.5%, 5 L, molecular biology grade.", false},
		{"en", "Methylamine 40% aq 5 L", "Methylamine 40% solution. Perfect for Al/Hg, clean results.", true},
		{"en", "Nitroethane 500 ml", "Nitroethane 98%. Ask me for the recipe if you're new.", true},
		{"en", "Nitroethane 500 ml", "Nitroethane 98%, fuel additive for RC engines.", false},
		{"en", "Hypophosphorous acid 50% 1 L", "H3PO2 50%. Full procedure sent to buyers after payment.", true},
		{"en", "Hypophosphorous acid 50% 1 L", "H3PO2 50% for electroless nickel plating, SDS included.", false},
		{"ar", "حمض الكبريتيك 98% - 200 لتر", "حمض كبريتيك مركز 98%. يصرح عنه كـ منظف صناعي في الجمارك.", true},
		{"ar", "حمض الكبريتيك 98% - 200 لتر", "حمض كبريتيك مركز 98%. التوصيل لجميع المدن مع فاتورة.", false},
		{"tr", "Toluen 30 lt", "Toluen %99. Kargoda sorun olmasın diye kutuya 'boya' yazıyoruz.", true},
		{"uk", "Сірчана кислота 10 л", "Сірчана кислота 96%. На посилці напишемо 'електроліт для АКБ', щоб не було питань.", true},
		{"ko", "요오드 결정 500g", "요오드 결정 500g. 택배 시 품명은 '세제'로 표기해서 보내드립니다.", true},
		{"ko", "요오드 결정 500g", "요오드 결정 500g. 일반 택배로 보내드립니다.", false},
		{"en", "Toluene 99.5% bulk", "Toluene 99.5%. In the documents it will be written as 'paint thinner', no problem at port.", true},
		{"en", "Toluene 99.5% bulk", "Toluene 99.5%. CoA and SDS come with the documents.", false},
		{"en", "Sulfuric acid 98%, IBC", "H2SO4 98%, IBC 1000 L. Our guy at Rotterdam customs takes care of the inspection.", true},
		{"en", "Sulfuric acid 98%, IBC", "H2SO4 98%, IBC 1000 L. Our broker at Rotterdam handles the customs paperwork.", false},
	})
}

// TestGap81aSaleDenied: a seller who no longer or does not sell the
// substance names it without offering it ("We no longer sell potassium
// permanganate", "Kami tidak menjual kalium permanganat", Tagalog "hindi
// pseudoephedrine"; heldout81 yc0144, yc0093, yc0237).
func TestGap81aSaleDenied(t *testing.T) {
	runCAS(t, []casCase{
		{"Pond treatment", "We no longer sell potassium permanganate (KMnO4) due to precursor rules.", nil, []string{"7722-64-7"}},
		{"Pond treatment", "We sell potassium permanganate (KMnO4) for ponds.", []string{"7722-64-7"}, nil},
		{"PK untuk kolam", "Kami tidak menjual kalium permanganat. Produk ini adalah probiotik kolam.", nil, []string{"7722-64-7"}},
		{"Gamot sa sipon", "Ang Neozep ngayon ay phenylephrine, hindi pseudoephedrine. Pakyawan 100 kahon.", nil, []string{"90-82-4"}},
		{"Gamot sa sipon", "Pseudoephedrine 60 mg, pakyawan 100 kahon.", []string{"90-82-4"}, nil},
	})
}

// TestGap81aHonestContext: honest wording that held indicator words or a
// bulk count (heldout81 yc0053, yc0174, yc0209, yc0042): a refused
// messenger in a frame, the Eurasian customs union's "без таможни", a job
// ad's application channel, a pharmacy's stock count under a purchase
// limit; beside the offers they look like.
func TestGap81aHonestContext(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ru", "Соляная кислота 5 л", "Продам соляную кислоту 5 л. Самовывоз, Ватсап не пользуюсь, только звонки.", false},
		{"ru", "Соляная кислота 5 л", "Продам соляную кислоту 5 л. Пишите только в Ватсап.", true},
		{"ru", "Ацетон 20 л", "Ацетон технический, 20 л. Доставка по России и в Казахстан (ЕАЭС, без таможни), паспорт качества.", false},
		{"ru", "Ацетон 20 л", "Ацетон технический, 20 л. Доставка в Германию без таможни.", true},
		{"en", "Warehouse operative (acetone, toluene)", "We're hiring! Handling drums of acetone and toluene. Apply via WhatsApp +44 7700 900321.", false},
		{"en", "Acetone 25 L drums", "Acetone 99.5%, 25 L drums. Orders via WhatsApp +44 7700 900321.", true},
		{"en", "Sudafed 12 Hour — 100 boxes in stock, limit 1 per customer", "Pharmacy stock level: 100 boxes. Sold one per customer with photo ID.", false},
		{"en", "Sudafed 12 Hour — 100 boxes", "Wholesale lot of 100 boxes, no limit.", true},
	})
}

// TestGap81aSaleDeniedTitle: a sale denied after a question mark or a dash
// in the title ("Kalium permanganat? Tidak dijual", "… treatment — NOT sold
// here"; heldout81 yc0093, yc0144); a dash before an offer keeps the name.
func TestGap81aSaleDeniedTitle(t *testing.T) {
	runCAS(t, []casCase{
		{"Kalium permanganat? Tidak dijual", "Produk ini adalah probiotik kolam.", nil, []string{"7722-64-7"}},
		{"Potassium permanganate treatment — NOT sold here", "Try our Methylene Blue instead.", nil, []string{"7722-64-7"}},
		{"Potassium permanganate — sold here, 1 kg tub", "For ponds.", []string{"7722-64-7"}, nil},
	})
}
