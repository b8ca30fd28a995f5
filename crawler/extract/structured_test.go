package extract

import (
	"fmt"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// listingFields renders the fields of a listing that a test compares.
func listingFields(l precwatch.Listing) map[string]string {
	m := map[string]string{"id": l.ID, "url": l.URL, "title": l.Title, "description": l.Description,
		"price": l.Price, "seller": l.Seller, "location": l.Location}
	for k, v := range l.Attributes {
		m["attributes."+k] = v
	}
	return m
}

// TestStructuredData checks that schema.org product data (JSON-LD, microdata,
// OpenGraph) is the listing of a target without fields, and fills in a
// configured field whose selector found nothing.
func TestStructuredData(t *testing.T) {
	const pageURL = "https://shop.example/p/7"
	jsonLD := `<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
 {"@type": "Organization", "name": "ShopCo"},
 {"@type": ["Product"], "name": "BMK glycidate", "sku": 7001,
  "description": "<p>Pure <b>BMK</b>
 powder &amp; oil</p>",
  "brand": {"@type": "Brand", "name": "ChemX"}, "image": [{"@type": "ImageObject", "url": "/img/7.jpg"}],
  "url": "https://shop.example/p/7?utm_source=ld",
  "offers": [{"@type": "Offer", "price": "950.00", "priceCurrency": "USD",
    "seller": {"@type": "Organization", "name": "LabGuy", "address": {"addressLocality": "Wuhan", "addressCountry": "CN"}}}]}
]};
</script></head><body><h1 class="x">BMK glycidate</h1><div class="desc"></div></body></html>`
	microdata := `<html><body><div itemscope itemtype="http://schema.org/Product">
<h1 itemprop="name">Safrole oil</h1>
<div itemprop="brand" itemscope itemtype="https://schema.org/Brand"><span itemprop="name">OilCo</span></div>
<p itemprop="description">Bulk safrole, <i>fast</i> shipping.</p>
<meta itemprop="sku" content="S-1">
<div itemprop="offers" itemscope itemtype="https://schema.org/Offer">
 <span itemprop="price" content="120.5">$120.50</span><meta itemprop="priceCurrency" content="EUR">
 <div itemprop="seller" itemscope itemtype="https://schema.org/Organization"><span itemprop="name">Oil &amp; Co</span></div>
</div>
<div itemscope itemtype="https://schema.org/Review"><span itemprop="name">Great review</span></div>
</div></body></html>`
	og := `<html><head><meta property="og:type" content="product"><meta property="og:title" content="Iodine 1 kg">
<meta property="og:description" content="Resublimed iodine."><meta property="product:price:amount" content="80">
<meta property="product:price:currency" content="GBP"></head><body></body></html>`
	ogWebsite := `<html><head><meta property="og:type" content="website"><meta property="og:title" content="Catalogue | Shop"></head><body></body></html>`
	itemList := `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@type":"ItemList","itemListElement":[
 {"@type":"ListItem","position":1,"item":{"@type":"Product","name":"Acetone","url":"/p/1","offers":{"@type":"Offer","price":5}}},
 {"@type":"ListItem","position":2,"item":{"@type":"Product","name":"Toluene","url":"/p/2"}}]}</script></head><body></body></html>`
	cards := `<html><body>
<div class="card" itemscope itemtype="https://schema.org/Product"><a href="/p/1"><span itemprop="name">Ephedrine HCl</span></a><meta itemprop="description" content="Pharma grade"></div>
<div class="card" itemscope itemtype="https://schema.org/Product"><a href="/p/2"><span itemprop="name">Red phosphorus</span></a></div>
</body></html>`
	for _, tc := range []struct {
		name   string
		body   string
		target precwatch.Target
		want   []map[string]string
	}{
		{"json-ld @graph, no fields", jsonLD, precwatch.Target{}, []map[string]string{{
			"id": pageURL, "url": pageURL, "title": "BMK glycidate", "description": "Pure BMK powder & oil",
			"price": "950.00 USD", "seller": "LabGuy", "location": "Wuhan, CN", "attributes.sku": "7001",
			"attributes.brand": "ChemX", "attributes.image": "https://shop.example/img/7.jpg"}}},
		{"json-ld fills a configured field that found nothing", jsonLD,
			precwatch.Target{Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1.x", "description": ".desc", "price": ".price", "id": ".sku"}}},
			[]map[string]string{{"id": pageURL, "title": "BMK glycidate", "description": "Pure BMK powder & oil", "price": "950.00 USD", "seller": ""}}},
		{"json-ld of the page fills the only item", jsonLD,
			precwatch.Target{Listing: precwatch.ListingSpec{Item: "body", Fields: map[string]string{"title": "h1.y", "price": ".price"}}},
			[]map[string]string{{"title": "BMK glycidate", "price": "950.00 USD"}}},
		{"microdata, no fields", microdata, precwatch.Target{}, []map[string]string{{
			"title": "Safrole oil", "description": "Bulk safrole, fast shipping.", "price": "120.5 EUR",
			"seller": "Oil & Co", "attributes.brand": "OilCo", "attributes.sku": "S-1"}}},
		{"microdata fills a title that found nothing", microdata,
			precwatch.Target{Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h2.product-name", "seller": ".seller"}}},
			[]map[string]string{{"title": "Safrole oil", "seller": "Oil & Co"}}},
		{"opengraph product", og, precwatch.Target{}, []map[string]string{{"title": "Iodine 1 kg", "description": "Resublimed iodine.", "price": "80 GBP"}}},
		{"opengraph website is no product", ogWebsite, precwatch.Target{Listing: precwatch.ListingSpec{Fields: map[string]string{"title": "h1"}}}, nil},
		{"item list without follow", itemList, precwatch.Target{}, []map[string]string{
			{"id": "https://shop.example/p/1", "title": "Acetone", "price": "5"},
			{"id": "https://shop.example/p/2", "title": "Toluene"}}},
		{"item list with follow selectors is left to the detail pages", itemList, precwatch.Target{Follow: []string{"a"}}, nil},
		{"microdata cards", cards, precwatch.Target{Listing: precwatch.ListingSpec{Item: "div.card", Fields: map[string]string{"url": "a@href", "title": "h3"}}},
			[]map[string]string{{"id": "https://shop.example/p/1", "title": "Ephedrine HCl"}, {"id": "https://shop.example/p/2", "title": "Red phosphorus"}}},
		{"microdata cards, no fields", cards, precwatch.Target{Listing: precwatch.ListingSpec{Item: "div.card"}},
			[]map[string]string{{"title": "Ephedrine HCl", "description": "Pharma grade"}, {"title": "Red phosphorus"}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tc.target.Name = "s"
			page, err := HTML(&tc.target, pageURL, []byte(tc.body))
			if err != nil {
				t.Fatal(err)
			}
			if len(page.Listings) != len(tc.want) {
				t.Fatalf("%s: %d listings %+v, want %d", tc.name, len(page.Listings), page.Listings, len(tc.want))
			}
			for i, want := range tc.want {
				got := listingFields(page.Listings[i])
				for k, w := range want {
					if got[k] != w {
						t.Errorf("%s: listing %d %s = %q, want %q", tc.name, i, k, got[k], w)
					}
				}
			}
			if len(tc.want) > 0 && page.Counts[CountStructured] == 0 {
				t.Errorf("%s: counts %v, want a structured count", tc.name, page.Counts)
			}
		})
	}
}

// TestParseLD checks JSON-LD as pages write it: in comments or CDATA, with
// raw newlines in strings and a trailing semicolon.
func TestParseLD(t *testing.T) {
	for _, in := range []string{
		`{"name": "a"}`,
		"<!-- {\"name\": \"a\"} -->",
		"//<![CDATA[\n{\"name\": \"a\"}\n//]]>",
		"{\"name\": \"a\"};",
		"{\"name\":\n\"a\"}",
	} {
		v, ok := parseLD(in)
		if m, _ := v.(map[string]any); !ok || fmt.Sprint(m["name"]) != "a" {
			t.Errorf("parseLD(%q) = %v, %v; want name a", in, v, ok)
		}
	}
	if _, ok := parseLD("{broken"); ok {
		t.Error("parseLD({broken) ok, want failure")
	}
	if strings.Contains(fmt.Sprint(ldAddress(map[string]any{"addressCountry": map[string]any{"name": "NL"}})), "map") {
		t.Error("ldAddress renders a country object as a map")
	}
}
