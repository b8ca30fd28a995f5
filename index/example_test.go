package index_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/index"
)

func ExampleIndex_Search() {
	dir, _ := os.MkdirTemp("", "precwatch-example-")
	defer os.RemoveAll(dir)
	x, err := index.Open(filepath.Join(dir, "index.bleve"), index.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer x.Close()

	ephedrine := precwatch.SubstanceMatch{ID: "ephedrine", Name: "Ephedrine", CAS: "299-42-3", List: precwatch.ListTableI}
	rs := []precwatch.Result{
		{Listing: precwatch.Listing{ID: "88", Platform: "TradeAsia", Title: "麻黄碱盐酸盐 99% 现货供应", Seller: "河北化工贸易"},
			Match: precwatch.Match{Score: 0.92, Suspicious: true, Substances: []precwatch.SubstanceMatch{ephedrine}}},
		{Listing: precwatch.Listing{ID: "501", Platform: "RuChem", Title: "Эфедрин гидрохлорид", Seller: "ООО ХимТорг"},
			Match: precwatch.Match{Score: 0.9, Suspicious: true, Substances: []precwatch.SubstanceMatch{ephedrine}}},
	}
	if err := x.Put(context.Background(), rs, time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)); err != nil {
		fmt.Println(err)
		return
	}
	for _, q := range []string{"cas:299-42-3", "麻黄碱", "эфедрина"} {
		res, err := x.Search(context.Background(), index.Query{Query: q, Facets: true})
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%s: %d hits, first %s, platforms %v\n", q, res.Total, res.Hits[0].ID, res.Facets["platform"])
	}
	// Output:
	// cas:299-42-3: 2 hits, first TradeAsia/88, platforms [{RuChem 1} {TradeAsia 1}]
	// 麻黄碱: 1 hits, first TradeAsia/88, platforms [{TradeAsia 1}]
	// эфедрина: 1 hits, first RuChem/501, platforms [{RuChem 1}]
}
