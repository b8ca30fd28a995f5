package matchers

import "testing"

// TestGap80ColonCaseEnding: Finnish and Estonian write a case ending after
// an abbreviation and a colon ("GBL:ää", "PMK:ta"); the ending is no term,
// though "ää" folds to the acetic anhydride's "AA" (heldout80 yd0083).
// Twins: AA as a word of its own, and the abbreviation before the colon.
func TestGap80ColonCaseEnding(t *testing.T) {
	const aa, gbl = "108-24-7", "96-48-0"
	runCAS(t, []casCase{
		{"Tulli takavarikoi GBL:ää Vantaalla", "Tulli takavarikoi 200 litraa gammabutyrolaktonia, joka oli merkitty vanteiden puhdistusaineeksi.", []string{gbl}, []string{aa}},
		{"Myydään GBL:ää 1 l", "Gammabutyrolaktoni 99 %, puhdistusaine.", []string{gbl}, []string{aa}},
		{"GBL:aa 5 l, hinta sopimuksen mukaan", "Gamma-butyrolaktoni, puhdas.", []string{gbl}, []string{aa}},
		// Twins.
		{"AA 99 % 1 l", "Etikkahappoanhydridi (AA), puhtaus 99 %.", []string{aa}, nil},
		{"Acetic anhydride (AA) 99%: 1 L", "AA: 99% purity, reagent grade.", []string{aa}, nil},
	})
}

// TestGap80ReportWords: German news puts the authority after the
// auxiliary and the participle last ("hat der Zoll 800 Kilogramm … in einer
// als Vitamin-C-Pulver deklarierten Sendung entdeckt"), and names the shell
// company the goods went to (heldout80 yd0032); Finnish seizure news in
// the passive. With the powder the report quotes, the title's "Zoll
// stellt" alone made no report. Twins: offers that name customs.
func TestGap80ReportWords(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"de", "Zoll stellt 800 kg Pseudoephedrin sicher", "Am Frankfurter Flughafen hat der Zoll 800 Kilogramm Pseudoephedrin in einer als Vitamin-C-Pulver deklarierten Sendung entdeckt. Empfänger war eine Briefkastenfirma in Tschechien.", false},
		{"de", "800 kg Ephedrin-Pulver am Flughafen", "Am Flughafen Leipzig hat der Zoll 800 kg Ephedrin in einer als Pulver deklarierten Sendung entdeckt. Die Staatsanwaltschaft Leipzig ermittelt.", false},
		{"fi", "Efedriiniä takavarikoitiin Helsinki-Vantaalla", "Efedriinijauhetta 50 kg takavarikoitiin lentorahdista. Tullin mukaan lähetys oli merkitty vitamiinijauheeksi.", false},
		// Twins.
		{"de", "Pseudoephedrin HCl Pulver 1 kg", "Der Zoll hat keine Chance, diskreter Versand.", true},
		{"de", "Ephedrin HCl Pulver 500 g", "Reinheit 99 %, Versand aus den Niederlanden, Zahlung in Bitcoin.", true},
	})
}

// TestGap80RetailMedicine: retail medicines with a Table I substance and
// no risk indicator (heldout80 yd0057, yd0121, yd0185): a syrup weighed in
// grams is a bottle, not the chemical sold by weight; Turkish "reçetesiz
// satılır" (is sold without a prescription) is the OTC status, the verb
// after as in Hindi; the Vietnamese prescription-medicine words name a
// medicine. Twins: the chemical by weight, a syrup by the kilogram, and a
// seller's "no prescription" with nothing after it.
func TestGap80RetailMedicine(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ru", "Бронхолитин сироп 125 г", "Глауцин + эфедрин + масло базилика. Отпускается по рецепту.", false},
		{"en", "Ephedrine cough syrup 125 g", "Ephedrine hydrochloride 4 mg/5 ml.", false},
		{"es", "Jarabe con efedrina 100 g", "Antitusivo.", false},
		{"tr", "Sudafed 60 mg 20 tablet", "Psödoefedrin hidroklorür içerir. Reçetesiz satılır, eczacınıza danışınız.", false},
		{"tr", "Psödoefedrin içeren soğuk algınlığı tableti 20 tablet", "Reçetesiz satılan ilaçlardandır.", false},
		{"vi", "Thuốc Clanoz D (loratadin, pseudoephedrin) hộp 10 viên", "Điều trị viêm mũi dị ứng. Thuốc bán theo đơn.", false},
		{"vi", "Pseudoephedrin 60 mg hộp 10 viên", "Thuốc kê đơn, mua tại nhà thuốc.", false},
		// Twins.
		{"ru", "Эфедрин гидрохлорид 500 г", "Порошок, чистота 99 %.", true},
		{"en", "Ephedrine syrup 25 kg", "Wholesale, drums.", true},
		{"tr", "Sudafed 60 mg 20 tablet", "Reçetesiz, kargo ile gönderilir.", true},
		{"vi", "Pseudoephedrin 60 mg hộp 10 viên", "Không cần đơn thuốc, giao hàng toàn quốc.", true},
	})
}

// TestGap80SpanishIndicators: a Table II acid sent "sin guía ni papeles"
// (without the waybill of controlled chemicals, or papers) to a coca
// region, and formamide with ammonium formate "para reacción de
// Leuckart" (heldout80 yd0183, yd0187). Twins: the same goods without.
func TestGap80SpanishIndicators(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"es", "Ácido sulfúrico 98% – cilindros", "Ácido sulfúrico concentrado, cilindros de 250 kg, entrega en el VRAEM sin guía ni papeles.", true},
		{"es", "Acetona 99,5% 200 L", "Entrega en Bolivia sin guía de remisión.", true},
		{"es", "Formamida 20 L y formiato de amonio 25 kg", "Combo formamida + formiato de amonio para reacción de Leuckart. Entrega en Michoacán, pago en efectivo.", true},
		{"pt", "Formamida 20 L", "Ideal para a reação de Leuckart.", true},
		// Twins.
		{"es", "Ácido sulfúrico 98% – cilindros", "Ácido sulfúrico concentrado, cilindros de 250 kg, entrega con guía de remisión y factura.", false},
		{"es", "Formamida 20 L y formiato de amonio 25 kg", "Combo formamida + formiato de amonio para laboratorio. Entrega en Michoacán, pago en efectivo.", false},
	})
}

// TestGap80GreekGlycidates: Greek names of the BMK and PMK glycidates and
// glycidic acids hold "BMK"/"PMK", which is then no P-2-P or PMK of its
// own (heldout80 yd0188). Twins: the ketones named alone.
func TestGap80GreekGlycidates(t *testing.T) {
	const bmk, pmk = "103-79-7", "4676-39-5"
	runCAS(t, []casCase{
		{"Μεθυλογλυκιδικός εστέρας BMK 1 kg", "BMK methyl glycidate (CAS 80532-66-7), 1 kg, αποστολή σε όλη την Ελλάδα. Επικοινωνία μόνο Signal.", []string{"80532-66-7"}, []string{bmk}},
		{"Πωλείται μεθυλογλυκιδικό εστέρα BMK, 5 kg", "", []string{"80532-66-7"}, []string{bmk}},
		{"Αιθυλογλυκιδικός εστέρας PMK 1 kg", "", []string{"28578-16-7"}, []string{pmk}},
		{"Γλυκιδικό οξύ BMK 1 kg", "", []string{"25547-51-7"}, []string{bmk}},
		{"PMK γλυκιδικό οξύ 1 kg", "", []string{"2167189-50-4"}, []string{pmk}},
		// Twins.
		{"Φαινυλακετόνη (BMK) 1 kg", "", []string{bmk}, nil},
		{"PMK 1 kg, καθαρότητα 99%", "", []string{pmk}, nil},
	})
}

// TestGap80ComparedSamples: "compared with samples from safrole and
// piperonal routes" compares samples, it denies neither name (heldout80
// yd0029); the list carried on by "and" needs the names before it denied.
// Twins: comparisons that set the product against the names.
func TestGap80ComparedSamples(t *testing.T) {
	const saf, pip = "94-59-7", "120-57-0"
	runCAS(t, []casCase{
		{"Impurity profiling of MDMA synthesised from PMK ethyl glycidate", "Abstract: We report route-specific impurities in MDMA produced from PMK ethyl glycidate via PMK, compared with samples from safrole and piperonal routes, using GC-MS on 42 seized samples.", []string{saf, pip}, nil},
		{"Route markers", "Compared to batches made from safrole and piperonal.", []string{saf, pip}, nil},
		// Twins.
		{"Herbal blend", "Stronger than safrole and piperonal.", nil, []string{saf, pip}},
		{"Herbal blend", "Without gluten, safrole and piperonal.", nil, []string{saf, pip}},
	})
}
