package extract_test

import (
	"fmt"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
)

func ExampleExtract() {
	target := &precwatch.Target{
		Name: "bazaar", Platform: "Bazaar",
		NextPage: []string{"a.next"},
		Listing: precwatch.ListingSpec{
			Item:   "article",
			Fields: map[string]string{"id": "@data-id", "url": "a@href", "title": "h2", "price": ".price"},
		},
	}
	body := []byte(`<article data-id="7"><h2><a href="/l/7?utm_source=x#top">Iodine 100 g</a></h2><span class="price">€ 20</span></article>
<a class="next" href="?page=2">next</a>`)
	page, err := extract.Extract(target, "https://bazaar.example/search?page=1", body)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range page.Listings {
		fmt.Println(l.ID, l.URL, l.Title, l.Price)
	}
	fmt.Println("next:", page.Next)
	fmt.Println("items:", page.Counts[extract.CountItem], "titles:", page.Counts["field:title"])
	// Output:
	// 7 https://bazaar.example/l/7 Iodine 100 g € 20
	// next: [https://bazaar.example/search?page=2]
	// items: 1 titles: 1
}

func ExampleCanonical() {
	u, _ := extract.Canonical(nil, "HTTPS://Shop.Example:443/p/../item?utm_source=mail&b=2&a=1#reviews")
	fmt.Println(u)
	// Output: https://shop.example/item?a=1&b=2
}
