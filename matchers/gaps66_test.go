package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap66BareGuarantee: a delivery guarantee that names no destination
// is an ordinary shop promise, not the customs-evasion indicator (heldout66
// yr0017, yr0027, yr0031, yr0100, yr0121, yr0127, yr0138); nor is one
// whose place is the area a domestic delivery covers (yr0078, yr0109,
// yr0126, yr0133), in every language the indicator covers.
func TestGap66BareGuarantee(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetone technical grade 25 L", "Fast delivery guaranteed. SDS supplied with every order.", "customs-evasion", false},
		{"MEK solvent 5 gal pail", "Ships within 48 h. Delivery guaranteed or your money back.", "customs-evasion", false},
		{"Acetone 99.5% – 200 L drums", "Safe delivery worldwide.", "customs-evasion", false},
		{"Acétone pure 5 L", "Livraison garantie en 24/48 h, satisfait ou remboursé.", "customs-evasion", false},
		{"Acetona industrial 20 L", "Entrega garantizada en 24 horas en toda la CDMX.", "customs-evasion", false},
		{"Acetona 1 L", "Frete grátis para todo Brasil, entrega garantida ou seu dinheiro de volta.", "customs-evasion", false},
		{"Toluene puro 1 L", "Spedizione gratuita in tutta Italia, consegna garantita.", "customs-evasion", false},
		{"Hydrochloric acid 33% – 25 L", "Next-day delivery guaranteed across mainland UK.", "customs-evasion", false},
		{"丙酮 分析纯 500ml", "顺丰包邮，保证送达，需提供单位证明。", "customs-evasion", false},
		{"Aceton 20 L", "Garantierte Lieferung innerhalb von 2 Tagen.", "customs-evasion", false},
		{"Ацетон 20 л", "Гарантированная доставка за 1 день.", "customs-evasion", false},
		{"Aceton 20 L", "Gwarantowana dostawa w 24 godziny.", "customs-evasion", false},
		{"Aseton 20 L", "Güvenli teslimat, hızlı kargo.", "customs-evasion", false},
		{"Acetone 20L", "Safe delivery, Europe-wide.", "customs-evasion", false},
		// The same promises to a named country or region stay the indicator.
		{"Acetone 20L", "Safe delivery to USA, Canada and Australia.", "customs-evasion", true},
		{"Acetona 20 L", "Entrega garantizada a México y Guatemala.", "customs-evasion", true},
		{"Ацетон 20 л", "Гарантированная доставка в Германию и Польшу.", "customs-evasion", true},
		{"Aceton 20 L", "Gwarantowana dostawa do Niemiec.", "customs-evasion", true},
		{"Aseton 20 L", "Almanya'ya güvenli teslimat.", "customs-evasion", true},
		{"丙酮 20升", "保证安全到货，欧洲俄罗斯均可。", "customs-evasion", true},
		{"اسید سولفوریک ۹۸٪", "ارسال مطمئن به عراق و افغانستان.", "customs-evasion", true},
		{"Aseton 4 L", "Penghantaran selamat ke Brunei dan Singapura.", "customs-evasion", true},
		// A customs promise needs no destination.
		{"Acetone 20L", "100% customs pass, re-ship if seized.", "customs-evasion", true},
		{"丙酮 20升", "双清包税。", "customs-evasion", true},
	})
}

// TestGap66CustomsByUs: the seller clearing customs for the buyer of a
// named destination ("customs cleared by us", "we handle customs for
// Germany") is the indicator (heldout66 yr0079, yr0107, yr0130, yr0015,
// yr0044); said of no destination it is an exporter's DDP service
// (heldout2 k0223).
func TestGap66CustomsByUs(t *testing.T) {
	runIndCases(t, []indCase{
		{"MEK + acetone combo – 2 × 200 L", "We handle customs for Germany and Austria, you pay only on arrival.", "customs-evasion", true},
		{"MEK 99.8% – 165 kg drums", "Door to door to Mexico, customs cleared by us – you just receive.", "customs-evasion", true},
		{"Ammonium formate 98% – 5 kg", "Door to door to Australia, customs cleared by us.", "customs-evasion", true},
		{"Aceton 200 L", "Leverans till Norge, vi ordnar tullen.", "customs-evasion", true},
		{"Aseton 200 L", "Almanya'ya teslimat, gümrük bizden.", "customs-evasion", true},
		{"Ацетон 200 л", "Доставка в Казахстан, растаможка наша.", "customs-evasion", true},
		{"Aseton 4 L", "Ke Singapura, kastam kami uruskan.", "customs-evasion", true},
		{"Acetone 99.5% — 160 kg drum, DDP to USA", "We handle customs clearance and deliver door to door. Payment T/T.", "customs-evasion", false},
	})
}

// TestGap66HomeCountry: a guarantee of delivery to the country the
// listing's own location names is a domestic promise; in the location
// field itself the promise is the seller's (heldout4 q0113, q0251).
func TestGap66HomeCountry(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		l    precwatch.Listing
		want bool
	}{
		{precwatch.Listing{Title: "Acetone 20 L", Description: "Safe delivery in the USA.", Location: "Ohio, USA"}, false},
		{precwatch.Listing{Title: "Acetone 20 L", Description: "Safe delivery to the USA.", Location: "Guangzhou, China"}, true},
		{precwatch.Listing{Title: "Acetone 25 L", Description: "Acetone 99.5%, 25 L.", Location: "Guangzhou — 100% safe delivery to Canada"}, true},
	} {
		got := false
		for _, in := range m.Match(&tc.l).Indicators {
			got = got || in.ID == IndCustoms
		}
		if got != tc.want {
			t.Errorf("%q / %q / %q: customs-evasion %v, want %v", tc.l.Title, tc.l.Description, tc.l.Location, got, tc.want)
		}
	}
}

// TestGap66QuotedMention: an indicator phrase in quotes after a mention
// cue ("promises of 'guaranteed customs clearance'") is named, not said;
// and a regulator's guidance ("Operators exporting Category 2 substances
// … need an export authorisation") names substances without offering them
// (heldout66 yr0069).
func TestGap66QuotedMention(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetone 20 L", "Promises of 'guaranteed customs clearance' by a supplier do not replace the export documents.", "customs-evasion", false},
		{"Acetone 20 L", "Beware of sellers: phrases like \"stealth shipping\" are a red flag.", "stealth-packaging", false},
		{"Acetone 20 L", "Guaranteed customs clearance. Price 20 EUR.", "customs-evasion", true},
		{"Acetone 20 L", "We don't do 'discreet shipping' tricks, we just do stealth shipping.", "stealth-packaging", true},
	})
	runVerdicts(t, []verdictCase{
		{"en", "Commission guidance: exporting scheduled substances", "Operators exporting Category 2 substances such as acetic anhydride and potassium permanganate to third countries need an export authorisation; pre-export notifications are sent via PEN Online. Promises by a supplier do not replace these documents.", false},
		{"en", "Acetic anhydride 99% – 200 L drums", "Supplier of acetic anhydride, export to third countries; 100% customs pass.", true},
	})
}

// TestGap66ProbeLanguages: the fixer's probe of one guarantee sentence in
// 30 languages, each to a named country (the indicator) and as an innocent
// twin without one (a bare speed, tracking or courier promise).
func TestGap66ProbeLanguages(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetone 20L", "Safe delivery to Germany and the Netherlands guaranteed.", "customs-evasion", true},
		{"Acetone 20L", "Fast delivery guaranteed, tracking number provided.", "customs-evasion", false},
		{"Aceton 20 L", "Sichere Lieferung in die Schweiz und nach Österreich.", "customs-evasion", true},
		{"Aceton 20 L", "Lieferung garantiert innerhalb von 48 Stunden.", "customs-evasion", false},
		{"Acétone 20 L", "Livraison sécurisée vers la Belgique et la Suisse.", "customs-evasion", true},
		{"Acétone 20 L", "Livraison garantie, satisfait ou remboursé.", "customs-evasion", false},
		{"Acetona 20 L", "Envío seguro a Estados Unidos y Canadá.", "customs-evasion", true},
		{"Acetona 20 L", "Envío seguro y rápido, seguimiento incluido.", "customs-evasion", false},
		{"Acetone 20 L", "Consegna sicura in Germania e Francia.", "customs-evasion", true},
		{"Acetone 20 L", "Consegna garantita in 24 ore.", "customs-evasion", false},
		{"Acetona 20 L", "Entrega segura para Portugal e Angola.", "customs-evasion", true},
		{"Acetona 20 L", "Entrega garantida em 2 dias úteis.", "customs-evasion", false},
		{"Aceton 20 L", "Veilige levering naar Duitsland en België.", "customs-evasion", true},
		{"Aceton 20 L", "Gegarandeerde levering binnen 24 uur.", "customs-evasion", false},
		{"Aceton 20 L", "Bezpieczna dostawa do Wielkiej Brytanii i Irlandii.", "customs-evasion", true},
		{"Aceton 20 L", "Bezpieczna dostawa kurierem, szybka wysyłka.", "customs-evasion", false},
		{"Aseton 20 L", "İngiltere'ye ve Almanya'ya güvenli teslimat.", "customs-evasion", true},
		{"Aseton 20 L", "Güvenli teslimat, hızlı kargo.", "customs-evasion", false},
		{"Ацетон 20 л", "Безопасная доставка в Казахстан и Беларусь.", "customs-evasion", true},
		{"Ацетон 20 л", "Безопасная доставка курьером, оплата при получении.", "customs-evasion", false},
		{"Ацетон 20 л", "Безпечна доставка до Польщі та Німеччини.", "customs-evasion", true},
		{"Ацетон 20 л", "Безпечна доставка Новою поштою.", "customs-evasion", false},
		{"丙酮 20升", "安全到货美国加拿大。", "customs-evasion", true},
		{"丙酮 20升", "顺丰包邮，安全到货。", "customs-evasion", false},
		{"アセトン 20L", "アメリカへの安全配送を保証。", "customs-evasion", true},
		{"アセトン 20L", "安全配送、翌日お届け。", "customs-evasion", false},
		{"아세톤 20L", "미국으로 안전 배송 보장.", "customs-evasion", true},
		{"아세톤 20L", "안전 배송, 빠른 배송.", "customs-evasion", false},
		{"Aceton 20 L", "Säker leverans till Norge och Finland.", "customs-evasion", true},
		{"Aceton 20 L", "Säker leverans med spårning.", "customs-evasion", false},
		{"Aceton 20 L", "Sikker levering til Sverige og Tyskland.", "customs-evasion", true},
		{"Aceton 20 L", "Sikker levering med sporing.", "customs-evasion", false},
		{"Asetoni 20 L", "Turvallinen toimitus Ruotsiin ja Saksaan.", "customs-evasion", true},
		{"Asetoni 20 L", "Turvallinen toimitus, nopea postitus.", "customs-evasion", false},
		{"Aceton 20 L", "Bezpečné doručení do Německa a Rakouska.", "customs-evasion", true},
		{"Aceton 20 L", "Bezpečné doručení kurýrem.", "customs-evasion", false},
		{"Aceton 20 L", "Biztonságos szállítás Németországba és Ausztriába.", "customs-evasion", true},
		{"Aceton 20 L", "Biztonságos szállítás futárral.", "customs-evasion", false},
		{"Acetonă 20 L", "Livrare sigură în Germania și Italia.", "customs-evasion", true},
		{"Acetonă 20 L", "Livrare sigură prin curier.", "customs-evasion", false},
		{"Ασετόν 20 L", "Ασφαλής αποστολή στην Κύπρο και τη Γερμανία.", "customs-evasion", true},
		{"Ασετόν 20 L", "Ασφαλής αποστολή με courier.", "customs-evasion", false},
		{"Ацетон 20 л", "Сигурна доставка до Гърция и Румъния.", "customs-evasion", true},
		{"Ацетон 20 л", "Сигурна доставка с куриер.", "customs-evasion", false},
		{"Aseton 20 L", "Pengiriman aman ke Malaysia dan Singapura.", "customs-evasion", true},
		{"Aseton 20 L", "Pengiriman aman dan cepat.", "customs-evasion", false},
		{"Axeton 20 L", "Giao hàng an toàn sang Mỹ và Úc.", "customs-evasion", true},
		{"Axeton 20 L", "Giao hàng an toàn, nhanh chóng.", "customs-evasion", false},
		{"อะซิโตน 20 ลิตร", "จัดส่งปลอดภัยไปออสเตรเลีย", "customs-evasion", true},
		{"อะซิโตน 20 ลิตร", "จัดส่งปลอดภัย รวดเร็ว", "customs-evasion", false},
		{"أسيتون 20 لتر", "شحن آمن إلى أوروبا وأمريكا.", "customs-evasion", true},
		{"أسيتون 20 لتر", "شحن آمن وسريع.", "customs-evasion", false},
		{"استون ۲۰ لیتر", "ارسال امن به آلمان و ترکیه.", "customs-evasion", true},
		{"استون ۲۰ لیتر", "ارسال امن و سریع.", "customs-evasion", false},
		{"एसीटोन 20 लीटर", "अमेरिका और यूरोप में सुरक्षित डिलीवरी।", "customs-evasion", true},
		{"एसीटोन 20 लीटर", "सुरक्षित डिलीवरी, तेज़ शिपिंग।", "customs-evasion", false},
		{"אצטון 20 ליטר", "משלוח בטוח לאירופה ולארצות הברית.", "customs-evasion", true},
		{"אצטון 20 ליטר", "משלוח בטוח ומהיר.", "customs-evasion", false},
		{"Acetone 20L", "100% safe delivery to EU countries.", "customs-evasion", true},
		{"Acetone 20L", "100% safe delivery, 30-day returns.", "customs-evasion", false},
	})
}

// TestGap66ProbeClearance: the seller clearing customs to a named place
// in nine languages (the indicator) and without one (a DDP service);
// customs promises that need no place; and guarantees over the area a
// domestic delivery covers in eleven languages.
func TestGap66ProbeClearance(t *testing.T) {
	runIndCases(t, []indCase{
		// seller clears customs, with a destination
		{"Aceton 200 L", "Lieferung nach Österreich, den Zoll übernehmen wir.", "customs-evasion", true},
		{"Acétone 200 L", "Livraison en Suisse, dédouanement par nos soins.", "customs-evasion", true},
		{"Acetona 200 L", "Envío a Chile, nos encargamos de la aduana.", "customs-evasion", true},
		{"Acetone 200 L", "Spedizione in Svizzera, ci occupiamo noi della dogana.", "customs-evasion", true},
		{"Aceton 200 L", "Levering naar het Verenigd Koninkrijk, douane geregeld.", "customs-evasion", true},
		{"Aceton 200 L", "Wysyłka do Ukrainy, odprawę celną załatwiamy.", "customs-evasion", true},
		{"Ацетон 200 л", "Отправка в Узбекистан, растаможку берем на себя.", "customs-evasion", true},
		{"丙酮 200升", "发往澳洲，我们负责清关。", "customs-evasion", true},
		{"Aceton 200 L", "Leverans till Norge, vi ordnar tullen.", "customs-evasion", true},
		// same, no destination: a DDP service
		{"Acetone 200 L", "Customs cleared by us, door to door.", "customs-evasion", false},
		{"Aceton 200 L", "Den Zoll übernehmen wir, Lieferung frei Haus.", "customs-evasion", false},
		// customs promises, any destination
		{"Acetone 200 L", "No customs problems, reship if seized.", "customs-evasion", true},
		{"Aceton 200 L", "Zollgarantie, Neuversand bei Beschlagnahme.", "customs-evasion", true},
		{"Ацетон 200 л", "Без проблем с таможней.", "customs-evasion", true},
		{"丙酮 200升", "双清包税到门。", "customs-evasion", true},
		{"Acétone 200 L", "Dédouanement garanti.", "customs-evasion", true},
		{"Aseton 200 L", "Gümrük garantili gönderim.", "customs-evasion", true},
		// domestic coverage
		{"Aceton 20 L", "Gwarantowana dostawa w całej Polsce.", "customs-evasion", false},
		{"Ацетон 20 л", "Гарантированная доставка по всей России.", "customs-evasion", false},
		{"Aseton 20 L", "Türkiye geneli garantili teslimat.", "customs-evasion", false},
		{"Aceton 20 L", "Garantierte Lieferung in ganz Deutschland.", "customs-evasion", false},
		{"Acétone 20 L", "Livraison garantie partout en France.", "customs-evasion", false},
		{"Acetona 20 L", "Entrega garantizada en toda España.", "customs-evasion", false},
		{"Aceton 20 L", "Säker leverans i hela Sverige.", "customs-evasion", false},
		{"Asetoni 20 L", "Turvallinen toimitus koko Suomeen.", "customs-evasion", false},
		{"Aceton 20 L", "Gegarandeerde levering in heel Nederland.", "customs-evasion", false},
		{"丙酮 20升", "全国安全到货。", "customs-evasion", false},
		{"Acetone 20 L", "Safe delivery throughout Australia.", "customs-evasion", false},
	})
}

// TestGap66ProbeOrigin: a place in the clause before a guarantee that is
// "free shipping" to it, or the origin of the goods ("Made in Germany",
// "from our warehouse in Poland"), is no destination of the guarantee.
func TestGap66ProbeOrigin(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetone 20 L", "Free shipping to EU, fast delivery guaranteed.", "customs-evasion", false},
		{"Acetone 20 L", "Free shipping to the EU, delivery guaranteed or your money back.", "customs-evasion", false},
		{"Acetone 20 L", "Guaranteed delivery to your door.", "customs-evasion", false},
		{"Acetone 20 L", "Safe delivery to UK/US/AU.", "customs-evasion", true},
		{"Acetone 20 L", "Delivery guaranteed to all EU countries.", "customs-evasion", true},
		{"Acetone 20 L", "Ships from Germany. Safe delivery guaranteed.", "customs-evasion", false},
		{"Acetone 20 L", "Made in Germany, safe delivery guaranteed.", "customs-evasion", false},
		{"Acetone 20 L", "Shipping from China, safe delivery.", "customs-evasion", false},
		{"Acetone 20 L", "Safe delivery from our warehouse in Poland.", "customs-evasion", false},
	})
}

// TestGap66ProbeOriginCases: origin said by a case ending or a word after
// the name ("Almanya'dan", "Saksasta", "ドイツから") or before it ("из
// Китая", "z Polski"), and a destination after the origin.
func TestGap66ProbeOriginCases(t *testing.T) {
	runIndCases(t, []indCase{
		{"Acetone 20 L", "Safe delivery from China to the USA.", "customs-evasion", true},
		{"Acetone 20 L", "Safe delivery to USA ten days.", "customs-evasion", true},
		{"Aseton 20 L", "Almanya'dan güvenli teslimat.", "customs-evasion", false},
		{"Asetoni 20 L", "Turvallinen toimitus Saksasta.", "customs-evasion", false},
		{"Aceton 20 L", "Biztonságos szállítás Németországból.", "customs-evasion", false},
		{"アセトン 20L", "ドイツから安全配送。", "customs-evasion", false},
		{"Ацетон 20 л", "Безопасная доставка из Китая.", "customs-evasion", false},
		{"Ацетон 20 л", "Безопасная доставка из Китая в Казахстан.", "customs-evasion", true},
		{"Aceton 20 L", "Bezpieczna dostawa z Polski.", "customs-evasion", false},
		{"丙酮 20升", "中国发货，安全到货。", "customs-evasion", false},
		{"Acetone 20 L", "Free shipping to the EU, customs cleared by us.", "customs-evasion", true},
	})
}

// TestGap66HomeCity: a listing located in a city of the country its
// guarantee names delivers at home; a seller in a country of a region
// (the EU) still sends into the others; a city abroad is a destination.
func TestGap66HomeCity(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		l    precwatch.Listing
		want bool
	}{
		{precwatch.Listing{Title: "Aceton 20 L", Description: "Sichere Lieferung in Deutschland.", Location: "Berlin"}, false},
		{precwatch.Listing{Title: "Ацетон 20 л", Description: "Безопасная доставка в Россию.", Location: "Москва"}, false},
		{precwatch.Listing{Title: "Aceton 20 L", Description: "Sichere Lieferung in die EU.", Location: "Berlin"}, true},
		{precwatch.Listing{Title: "Acetone 20 L", Description: "Safe delivery to Berlin and Vienna.", Location: "Guangzhou"}, true},
		// The home country first, then places abroad in the same list (heldout66 yr0102, yr0104).
		{precwatch.Listing{Title: "Ácido sulfúrico 98%", Description: "Entrega segura en México, Guatemala y Honduras.", Location: "Monterrey"}, true},
		{precwatch.Listing{Title: "Tolueno 99%", Description: "Entrega segura no Brasil e no Paraguai.", Location: "São Paulo"}, true},
		{precwatch.Listing{Title: "Tolueno 99%", Description: "Entrega segura no Brasil, frete grátis.", Location: "São Paulo"}, false},
	} {
		got := false
		for _, in := range m.Match(&tc.l).Indicators {
			got = got || in.ID == IndCustoms
		}
		if got != tc.want {
			t.Errorf("%q / %q / %q: customs-evasion %v, want %v", tc.l.Title, tc.l.Description, tc.l.Location, got, tc.want)
		}
	}
}
