package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// The gap tests of round fix65 (held-out 65: one listing, many products —
// stock lists, price lists and catalogues). Each case reuses runGap56: a
// listing, the verdict, and (unless nil) the unnegated substance IDs in
// order. See WATCHLIST-NOTES.md § 65.

// TestGap65UnavailableHeader: a "not available / discontinued / no longer
// supplied / not sold:" header at the start of a line or sentence denies
// the list after its colon, as "we do not sell: …" does (ys0008, ys0084),
// up to the end of that list: a new line, a sentence end or another
// header, never beyond. "Out of stock" and "sold out" say the seller has
// none today, not that it does not sell it (heldout42 zk0040 "SOLD OUT PMK
// glycidate … next batch Friday" is an offer): no header.
func TestGap65UnavailableHeader(t *testing.T) {
	inStock := "IN STOCK:\n- Tetrahydrofuran (CAS 109-99-9) AR\n- Sodium hydroxide pellets (CAS 1310-73-2) 99%\n\n"
	runGap56(t, []gap56Case{
		{"en bracket", precwatch.Listing{Title: "Lab chemicals – what we stock and what we don't",
			Description: inStock + "NOT available (controlled, please do not ask): ephedrine, pseudoephedrine, safrole, BMK, PMK, phenylacetic acid."}, false, []string{}},
		{"en anymore", precwatch.Listing{Title: "Reagents – note to buyers",
			Description: "Available: sodium chloride, citric acid.\nNOT available anymore: red phosphorus, iodine, hypophosphorous acid – do not ask."}, false, []string{}},
		{"en discontinued", precwatch.Listing{Title: "Catalogue update", Description: "Discontinued: safrole, isosafrole, piperonal.\nNew: benzyl acetate 99% $8/kg."}, false, []string{}},
		{"en no longer supplied", precwatch.Listing{Title: "Price list", Description: "Sodium chloride $1/kg. No longer supplied: ephedrine HCl, pseudoephedrine HCl."}, false, []string{}},
		{"de", precwatch.Listing{Title: "Preisliste", Description: "Natriumchlorid 1 €/kg\nNicht mehr lieferbar: Ephedrin, Safrol, Piperonal."}, false, []string{}},
		{"fr", precwatch.Listing{Title: "Liste de prix", Description: "Chlorure de sodium 1 €/kg\nNon disponibles : éphédrine, safrole, pipéronal."}, false, []string{}},
		{"es", precwatch.Listing{Title: "Lista de precios", Description: "Cloruro de sodio 1 €/kg\nYa no disponibles: efedrina, safrol, piperonal."}, false, []string{}},
		{"ru", precwatch.Listing{Title: "Прайс", Description: "Натрий хлористый 100 ₽/кг\nСняты с продажи: эфедрин, сафрол, пиперональ."}, false, []string{}},
		{"zh", precwatch.Listing{Title: "价格表", Description: "氯化钠 5元/kg\n停售：麻黄碱、黄樟素、胡椒醛。"}, false, []string{}},
		// The list ends at a new line, a sentence end or another header.
		{"newline twin", precwatch.Listing{Title: "Stock list", Description: "Not available: safrole, iodine\nEphedrine HCl 99% 1 kg $300"}, true, []string{"ephedrine"}},
		{"sentence twin", precwatch.Listing{Title: "Stock list", Description: "Discontinued: safrole. Ephedrine HCl 99%, 1 kg, $300."}, true, []string{"ephedrine"}},
		{"header twin", precwatch.Listing{Title: "Stock list", Description: "Not available: safrole, available: ephedrine HCl 99%, 1 kg, $300."}, true, []string{"ephedrine"}},
		// A cue inside a sentence is no header: the samples are not
		// available, the chemical is.
		{"samples twin", precwatch.Listing{Title: "Ephedrine HCl 99% 1 kg", Description: "Samples not available: ephedrine HCl is sold from 1 kg, $300."}, true, []string{"ephedrine"}},
		{"out of stock twin", precwatch.Listing{Title: "Stock list", Description: "Out of stock: ephedrine HCl 99%, restock next week, $300/kg."}, true, []string{"ephedrine"}},
	})
}

// TestGap65PackCount: a Russian or Ukrainian pharmacy writes the number of
// units in a pack as "№10" after the form or the strength ("порошок №10",
// "200 мг №20"). A powder with a pack count is sachets of a medicine, not
// the chemical's form, and a strength with a pack count is a medicine, so
// a pseudoephedrine combination in such a price list is a retail medicine
// (ys0065). A batch or licence number ("партия №12") is no pack count.
func TestGap65PackCount(t *testing.T) {
	runGap56(t, []gap56Case{
		{"ru pharmacy list", precwatch.Listing{Title: "Цены: средства от простуды",
			Description: "Терафлю порошок №10 – 590 ₽\nНурофен 200 мг №20 – 180 ₽\nКлариназе (лоратадин + псевдоэфедрин) №7 – 450 ₽, по рецепту\nКагоцел №10 – 280 ₽"}, false, []string{"pseudoephedrine"}},
		{"uk powder", precwatch.Listing{Title: "Ціни аптеки",
			Description: "Фервекс порошок № 8 – 210 грн\nКлариназе (лоратадин + псевдоефедрин) – 190 грн"}, false, []string{"pseudoephedrine"}},
		{"ru powder chemical twin", precwatch.Listing{Title: "Прайс",
			Description: "Псевдоэфедрин гидрохлорид порошок 99%, партия №12 – 900 $/кг"}, true, []string{"pseudoephedrine"}},
		{"ru pharmacy telegram twin", precwatch.Listing{Title: "Цены: средства от простуды",
			Description: "Терафлю порошок №10 – 590 ₽\nКлариназе (лоратадин + псевдоэфедрин) №7 – 450 ₽, без рецепта, пишите в Telegram @apteka_x"}, true, []string{"pseudoephedrine"}},
	})
}

// TestGap65UkrainianGlycidateSpaced: "BMK етил гліцидат" is the Ukrainian
// BMK ethyl glycidate written in three words, as the Russian "BMK этил
// глицидат" already is; the longest name counts, not BMK (ys0031).
func TestGap65UkrainianGlycidateSpaced(t *testing.T) {
	runGap56(t, []gap56Case{
		{"bmk ethyl", precwatch.Listing{Title: "Прайс – нові позиції", Description: "BMK етил гліцидат – $350/кг\nПиши в Telegram @him_ua"}, true, []string{"bmk-ethyl-glycidate"}},
		{"bmk methyl", precwatch.Listing{Title: "Прайс", Description: "BMK метил гліцидат – $350/кг\nПиши в Telegram @him_ua"}, true, []string{"bmk-methyl-glycidate"}},
		{"pmk ethyl", precwatch.Listing{Title: "Прайс", Description: "PMK етил гліцидат – $350/кг\nПиши в Telegram @him_ua"}, true, []string{"pmk-ethyl-glycidate"}},
		{"pmk methyl", precwatch.Listing{Title: "Прайс", Description: "ПМК метил гліцидат – $350/кг\nПиши в Telegram @him_ua"}, true, []string{"pmk-methyl-glycidate"}},
	})
}
