package demo

import (
	"bytes"
	"embed"
	"encoding/json"
	"fmt"
	"html/template"
	"log/slog"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

//go:embed templates/*.html
var templateFS embed.FS

var tmpl = template.Must(template.ParseFS(templateFS, "templates/*.html"))

// Page sizes of the index pages and the feed.
const (
	chemhubPageSize   = 20
	bazaarPageSize    = 12
	tradeportPageSize = 25
)

// robots allow the listing paths and disallow the account pages.
var robots = map[string]string{
	keyChemHub:   "User-agent: *\nAllow: /catalog\nAllow: /product/\nDisallow: /account/\nDisallow: /search\n",
	keyBazaar:    "User-agent: *\nAllow: /ads\nAllow: /zh/ads\nAllow: /ad/\nDisallow: /account/\nDisallow: /post\n",
	keyTradeport: "User-agent: *\nAllow: /api/listings\nAllow: /item/\nDisallow: /api/private/\n",
}

// variantListings returns the listings served in variant v, in serving
// order. Variant 1 is derived from variant 0 deterministically: listings
// whose number ends in 07 or 57 are removed, those ending in 13 or 63 are
// changed (a Table II offer without risk indicator gains a messenger
// contact, any other gets a new price and an update note), and two new
// listings appear per platform.
func variantListings(v int) ([]listing, error) {
	all, err := loadCatalog()
	if err != nil {
		return nil, err
	}
	switch v {
	case 0:
		return slices.Clone(all), nil
	case 1:
	default:
		return nil, fmt.Errorf("demo variant %d: want 0 or 1", v)
	}
	var out []listing
	for _, l := range all {
		switch changeOf(l.ID) {
		case "remove":
			continue
		case "change":
			l.CAS = slices.Clone(l.CAS)
			if l.Category == CategoryTableII && !l.Suspicious {
				l.Description += " " + updateContact[l.Lang]
				l.Suspicious = true
			} else {
				l.Price = "(updated) " + l.Price
				l.Description += " " + updateNote[l.Lang]
			}
		}
		out = append(out, l)
	}
	return append(out, newInVariant1...), nil
}

// changeOf says what variant 1 does to a listing.
func changeOf(id string) string {
	if len(id) < 2 || strings.Contains(id, "-9") { // hand-picked listings stay
		return ""
	}
	switch id[len(id)-2:] {
	case "07", "57":
		return "remove"
	case "13", "63":
		return "change"
	}
	return ""
}

var updateNote = map[string]string{
	"en": "Update: new batch arrived, price adjusted.", "zh": "更新：新货到，价格调整。",
	"ru": "Обновление: новая партия, цена изменена.", "es": "Actualización: nuevo lote, precio ajustado.",
	"de": "Update: neue Charge eingetroffen, Preis angepasst.", "fr": "Mise à jour : nouveau lot, prix ajusté.",
	"pl": "Aktualizacja: nowa partia, zmiana ceny.", "tr": "Güncelleme: yeni parti geldi, fiyat değişti.",
	"nl": "Update: nieuwe batch binnen, prijs aangepast.",
}

var updateContact = map[string]string{
	"en": "Now also without paperwork, Telegram @bmk_direct.", "zh": "现在无需手续，Telegram联系：@bmk_direct。",
	"ru": "Теперь без документов, Telegram @bmk_direct.", "es": "Ahora sin papeleo, Telegram @bmk_direct.",
	"de": "Jetzt auch ohne Papiere, Telegram @bmk_direct.", "fr": "Désormais sans papiers, Telegram @bmk_direct.",
	"pl": "Teraz bez papierów, Telegram @bmk_direct.", "tr": "Artık evraksız, Telegram @bmk_direct.",
	"nl": "Nu ook zonder papierwerk, Telegram @bmk_direct.",
}

var newInVariant1 = []listing{
	{ID: "CH-9101", Platform: keyChemHub, Lang: "en", Category: CategoryDesigner, Title: "PMK ethyl glycidate oil CAS 28578-16-7 — new arrival",
		Description: "Fresh batch of new PMK oil, 99%, 25 L drums. Wickr: chemking88, 100% customs pass to the Netherlands.",
		Price:       "1,200 USD/L", Seller: "Hubei Kingchem Trading Co., Ltd.", Location: "Wuhan, China", Suspicious: true, CAS: []string{"28578-16-7"}},
	{ID: "CH-9102", Platform: keyChemHub, Lang: "de", Category: CategoryTableII, Title: "Toluol reinst, 25-L-Kanister",
		Description: "Toluol für Lackherstellung und Reinigung, mit Sicherheitsdatenblatt. Zahlung auf Rechnung.",
		Price:       "89 EUR", Seller: "Nordchem Handels GmbH", Location: "Hamburg, Germany", CAS: []string{"108-88-3"}},
	{ID: "BZ-9101", Platform: keyBazaar, Lang: "es", Category: CategoryTableI, Title: "Efedrina HCl 99%, 250 g",
		Description: "Efedrina (ephedrine) clorhidrato, 250 g. Envío discreto, Telegram @mario_qm.",
		Price:       "900 EUR", Seller: "mario.quimica", Location: "Valencia", Suspicious: true, CAS: []string{"299-42-3"}},
	{ID: "BZ-9102", Platform: keyBazaar, Lang: "zh", Category: CategoryLegit, Title: "二手实验室冰箱",
		Description: "实验室用二手冰箱，容量300升，运行良好，深圳自提。",
		Price:       "800 元", Seller: "华南试剂商行", Location: "深圳"},
	{ID: "TP-9101", Platform: keyTradeport, Lang: "en", Category: CategoryDesigner, Title: "BMK methyl glycidate 80532-66-7, 10 kg",
		Description: "New BMK oil, 99%. Crypto only: BTC bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq.",
		Price:       "3900", Currency: "USD", Seller: "GreenfieldBio", Location: "CN", Suspicious: true, CAS: []string{"80532-66-7"}},
	{ID: "TP-9102", Platform: keyTradeport, Lang: "fr", Category: CategoryTrap, Title: "Prêt P2P entre particuliers",
		Description: "Plateforme de prêt P2P : empruntez de 500 à 20 000 EUR sans frais de dossier.",
		Price:       "", Currency: "EUR", Seller: "ChimiePro SARL", Location: "FR"},
}

// site serves one demo platform. Its content can be swapped while it
// serves (SetVariant); each request sees one consistent content.
type site struct {
	key     string
	log     *slog.Logger
	robots  string
	content atomic.Pointer[content]
}

// content is what a site serves in one variant.
type content struct {
	items []listing // main section
	zh    []listing // Bazaar's GBK section
	byID  map[string]*listing
	pages sync.Map // cache key -> cached
}

func newSite(key string, all []listing, log *slog.Logger) *site {
	s := &site{key: key, log: log.With("site", key), robots: robots[key]}
	s.load(all)
	return s
}

// load replaces the site's content with its listings from all.
func (s *site) load(all []listing) {
	c := &content{byID: map[string]*listing{}}
	for _, l := range all {
		if l.Platform != s.key {
			continue
		}
		if l.zh() {
			c.zh = append(c.zh, l)
		} else {
			c.items = append(c.items, l)
		}
	}
	for i := range c.items {
		c.byID[c.items[i].ID] = &c.items[i]
	}
	for i := range c.zh {
		c.byID[c.zh[i].ID] = &c.zh[i]
	}
	s.content.Store(c)
}

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.log.Debug("demo request", "method", r.Method, "url", r.URL.String())
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	p := r.URL.Path
	c := s.content.Load()
	switch {
	case p == "/robots.txt":
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, s.robots)
	case p == "/":
		http.Redirect(w, r, s.home(), http.StatusFound)
	case s.key == keyChemHub && p == "/catalog":
		s.chemhubIndex(w, r, c)
	case s.key == keyChemHub && strings.HasPrefix(p, "/product/"):
		s.detail(w, c, strings.TrimPrefix(p, "/product/"), "chemhub_product.html")
	case s.key == keyBazaar && p == "/ads":
		s.bazaarIndex(w, r, c, false)
	case s.key == keyBazaar && p == "/zh/ads":
		s.bazaarIndex(w, r, c, true)
	case s.key == keyBazaar && strings.HasPrefix(p, "/ad/"):
		s.detail(w, c, strings.TrimPrefix(p, "/ad/"), "bazaar_ad.html")
	case s.key == keyTradeport && p == "/api/listings":
		s.feed(w, r, c)
	case s.key == keyTradeport && strings.HasPrefix(p, "/item/"):
		s.detail(w, c, strings.TrimPrefix(p, "/item/"), "tradeport_item.html")
	default:
		http.NotFound(w, r)
	}
}

func (s *site) home() string {
	switch s.key {
	case keyChemHub:
		return "/catalog?page=1"
	case keyBazaar:
		return "/ads?page=1"
	}
	return "/api/listings?page=1"
}

// pageOf returns the 1-based page number of r and the slice of items on
// it; ok is false for a missing, malformed or out-of-range page.
func pageOf(r *http.Request, items []listing, size int) (page, pages int, on []listing, ok bool) {
	pages = max(1, (len(items)+size-1)/size)
	page, err := strconv.Atoi(r.URL.Query().Get("page"))
	if err != nil || page < 1 || page > pages {
		return 0, pages, nil, false
	}
	lo := (page - 1) * size
	return page, pages, items[lo:min(lo+size, len(items))], true
}

type indexData struct {
	Page, Pages, Prev, Next int
	Items                   []listing
	Lang, Charset, Heading  string
	Base                    string
}

func newIndexData(page, pages int, items []listing) indexData {
	d := indexData{Page: page, Pages: pages, Items: items}
	if page > 1 {
		d.Prev = page - 1
	}
	if page < pages {
		d.Next = page + 1
	}
	return d
}

func (s *site) chemhubIndex(w http.ResponseWriter, r *http.Request, c *content) {
	page, pages, items, ok := pageOf(r, c.items, chemhubPageSize)
	if !ok {
		http.NotFound(w, r)
		return
	}
	s.serve(w, c, "chemhub:"+strconv.Itoa(page), func() (string, []byte, error) {
		return render("chemhub_index.html", newIndexData(page, pages, items), false)
	})
}

func (s *site) bazaarIndex(w http.ResponseWriter, r *http.Request, c *content, zh bool) {
	src := c.items
	if zh {
		src = c.zh
	}
	page, pages, items, ok := pageOf(r, src, bazaarPageSize)
	if !ok {
		http.NotFound(w, r)
		return
	}
	d := newIndexData(page, pages, items)
	d.Lang, d.Charset, d.Heading, d.Base = "en", "utf-8", "Latest ads", "/ads"
	if zh {
		d.Lang, d.Charset, d.Heading, d.Base = "zh-CN", "gbk", "最新分类广告", "/zh/ads"
	}
	s.serve(w, c, d.Base+":"+strconv.Itoa(page), func() (string, []byte, error) {
		return render("bazaar_index.html", d, zh)
	})
}

type detailData struct {
	listing
	Charset string
}

func (s *site) detail(w http.ResponseWriter, c *content, id, name string) {
	l, ok := c.byID[id]
	if !ok {
		http.Error(w, "listing not found", http.StatusNotFound)
		return
	}
	d := detailData{listing: *l, Charset: "utf-8"}
	if l.zh() {
		d.Charset = "gbk"
	}
	s.serve(w, c, "item:"+id, func() (string, []byte, error) {
		return render(name, d, l.zh())
	})
}

// cached is one rendered page.
type cached struct {
	ctype string
	body  []byte
}

// serve writes the page cached under key in c, building it on first use:
// the content of a variant never changes, so each page is rendered once.
// Keys are bounded (page numbers and listing ids that exist).
func (s *site) serve(w http.ResponseWriter, c *content, key string, build func() (string, []byte, error)) {
	v, ok := c.pages.Load(key)
	if !ok {
		ctype, body, err := build()
		if err != nil {
			s.log.Error("render demo page", "page", key, "err", err)
			http.Error(w, "internal error", http.StatusInternalServerError)
			return
		}
		v, _ = c.pages.LoadOrStore(key, cached{ctype: ctype, body: body})
	}
	p := v.(cached)
	w.Header().Set("Content-Type", p.ctype)
	w.Header().Set("Content-Length", strconv.Itoa(len(p.body)))
	w.Write(p.body)
}

// render executes a template; gbk pages are encoded in GBK and say so in
// the header and the meta tag.
func render(name string, data any, gbk bool) (ctype string, body []byte, err error) {
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, name, data); err != nil {
		return "", nil, fmt.Errorf("template %s: %w", name, err)
	}
	if !gbk {
		return "text/html; charset=utf-8", buf.Bytes(), nil
	}
	enc, err := toGBK(buf.Bytes())
	if err != nil {
		return "", nil, fmt.Errorf("template %s: %w", name, err)
	}
	return "text/html; charset=gbk", enc, nil
}

// toGBK encodes UTF-8 text in GBK; a character GBK lacks becomes an HTML
// character reference, so nothing is lost.
func toGBK(b []byte) ([]byte, error) {
	enc := encoding.HTMLEscapeUnsupported(simplifiedchinese.GBK.NewEncoder())
	out, err := enc.Bytes(b)
	if err != nil {
		return nil, fmt.Errorf("gbk: %w", err)
	}
	return out, nil
}

// feedItem is one listing of the Tradeport JSON feed.
type feedItem struct {
	ID    string `json:"id"`
	Link  string `json:"link"`
	Title string `json:"title"`
	Body  string `json:"body"`
	Lang  string `json:"lang"`
	Price struct {
		Amount   string `json:"amount"`
		Currency string `json:"currency"`
	} `json:"price"`
	Seller struct {
		Name    string `json:"name"`
		Country string `json:"country"`
	} `json:"seller"`
}

type feedPage struct {
	Page  int        `json:"page"`
	Pages int        `json:"pages"`
	Items []feedItem `json:"items"`
	Next  *string    `json:"next"`
}

func (s *site) feed(w http.ResponseWriter, r *http.Request, c *content) {
	page, pages, items, ok := pageOf(r, c.items, tradeportPageSize)
	if !ok {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintln(w, `{"error":"no such page"}`)
		return
	}
	s.serve(w, c, "feed:"+strconv.Itoa(page), func() (string, []byte, error) {
		fp := feedPage{Page: page, Pages: pages, Items: []feedItem{}}
		for _, l := range items {
			var it feedItem
			it.ID, it.Link, it.Title, it.Body, it.Lang = l.ID, listingPath(&l), l.Title, l.Description, l.Lang
			it.Price.Amount, it.Price.Currency = l.Price, l.Currency
			it.Seller.Name, it.Seller.Country = l.Seller, l.Location
			fp.Items = append(fp.Items, it)
		}
		if page < pages {
			next := "/api/listings?page=" + strconv.Itoa(page+1)
			fp.Next = &next
		}
		body, err := json.MarshalIndent(fp, "", "  ")
		if err != nil {
			return "", nil, fmt.Errorf("encode feed: %w", err)
		}
		return "application/json; charset=utf-8", body, nil
	})
}
