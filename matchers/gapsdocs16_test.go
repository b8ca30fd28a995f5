package matchers

import "testing"

// TestGapDocs16TurkishNoSales: a Turkish price list's "… satışımız yoktur"
// (we have no sales of …, document h16-tr-libreoffice-calc-fiyat-listesi-
// aseton) denies every name of the list before it, as "… satmıyoruz" (we
// do not sell) does; so do "satışını yapmıyoruz" (we do not sell it) and
// "satışı yapılmamaktadır" (its sale is not made). Before, the four Table I
// names counted as offers. Twins: "satışımız vardır" (we do sell) and
// "satışı yapılır" (it is sold) offer the names.
func TestGapDocs16TurkishNoSales(t *testing.T) {
	const list = "Aseton %99,5 30 L bidon 2.450 TL. Toluen %99 30 L bidon. Tüm satışlarımız faturalıdır. "
	runCAS(t, []casCase{
		{"Fiyat listesi", list + "Efedrin, psödoefedrin, asetik anhidrit ve potasyum permanganat satışımız yoktur.",
			[]string{"67-64-1"}, []string{"299-42-3", "90-82-4", "108-24-7", "7722-64-7"}},
		{"Fiyat listesi", list + "Efedrin ve potasyum permanganat satışını yapmıyoruz.",
			[]string{"67-64-1"}, []string{"299-42-3", "7722-64-7"}},
		{"Fiyat listesi", list + "Asetik anhidrit satışı yapılmamaktadır.",
			[]string{"67-64-1"}, []string{"108-24-7"}},
		{"Fiyat listesi", list + "Efedrin satışımız bulunmamaktadır.",
			[]string{"67-64-1"}, []string{"299-42-3"}},
		// Twins.
		{"Fiyat listesi", list + "Potasyum permanganat satışımız vardır, 25 kg torba.",
			[]string{"67-64-1", "7722-64-7"}, nil},
		{"Fiyat listesi", list + "Asetik anhidrit satışı yapılır, 30 L bidon.",
			[]string{"67-64-1", "108-24-7"}, nil},
	})
	runVerdicts(t, []verdictCase{
		{"tr", "Fiyat listesi", list + "Efedrin, psödoefedrin, asetik anhidrit ve potasyum permanganat satışımız yoktur.", false},
		{"tr", "Fiyat listesi", list + "Potasyum permanganat satışımız vardır, 25 kg torba.", true},
	})
}
