package demo

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Categories of demo listings, as reported in Label.Category.
const (
	CategoryTableI       = "table-I"      // Table I chemical
	CategoryDesigner     = "designer"     // designer or immediate surveillance precursor
	CategoryTableII      = "table-II"     // Table II chemical
	CategoryMedicine     = "medicine"     // finished medicine with a Table I substance
	CategorySurveillance = "surveillance" // surveillance-list reagent
	CategoryTrap         = "trap"         // ambiguous term, negation or invalid CAS: not an offer
	CategoryNews         = "news"         // names substances without offering them
	CategoryLegit        = "legit"        // unrelated legitimate goods
)

// Platform keys used in listing data; display names are in platformNames.
const (
	keyChemHub   = "chemhub"
	keyBazaar    = "bazaar"
	keyTradeport = "tradeport"
)

var platformNames = map[string]string{
	keyChemHub:   "ChemHub",
	keyBazaar:    "Bazaar Classifieds",
	keyTradeport: "Tradeport",
}

// listing is one demo offer as served.
type listing struct {
	ID          string   `json:"id"`
	Platform    string   `json:"platform"` // platform key
	Lang        string   `json:"lang"`
	Category    string   `json:"category"`
	Title       string   `json:"title"`
	Description string   `json:"description"`
	Price       string   `json:"price"`
	Currency    string   `json:"currency,omitempty"`
	Seller      string   `json:"seller"`
	Location    string   `json:"location"`
	Suspicious  bool     `json:"suspicious"`
	CAS         []string `json:"cas"`
}

// zh reports whether a Bazaar listing belongs to the GBK-encoded Chinese
// section.
func (l *listing) zh() bool { return l.Platform == keyBazaar && l.Lang == "zh" }

//go:embed data/handpicked.json
var handpickedJSON []byte

// seller is a demo seller; risky sellers carry contacts, some of which are
// shared with a seller on another platform.
type seller struct {
	name     string
	location string
	risky    bool
	contacts map[string]string // messenger word ("Wickr", "Telegram", ...) -> id
	wallet   string
}

// Shared observables: these link sellers across platforms.
const (
	sharedWickr    = "chemking88"
	sharedPhone    = "+86 155 2718 3346"
	sharedTelegram = "@bmk_direct"
	sharedBTC      = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"
	otherBTC       = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT"
)

var sellers = map[string][]seller{
	keyChemHub: {
		{name: "Hubei Kingchem Trading Co., Ltd.", location: "Wuhan, China", risky: true,
			contacts: map[string]string{"Wickr": sharedWickr, "WhatsApp": sharedPhone, "Telegram": "@chem_li2024"}, wallet: otherBTC},
		{name: "Shijiazhuang Greenfield Biotech", location: "Hebei, China", risky: true,
			contacts: map[string]string{"Telegram": sharedTelegram, "Wickr": "greenfield_bio"}, wallet: sharedBTC},
		{name: "Wuhan Shuokang Chemical", location: "Wuhan, China", risky: true,
			contacts: map[string]string{"Threema": "8HJ3KD2P", "Signal": "+86 177 0215 6634"}, wallet: otherBTC},
		{name: "Nordchem Handels GmbH", location: "Hamburg, Germany"},
		{name: "Jiangsu Huatai Fine Chemicals", location: "Nanjing, China"},
		{name: "Sintez-Reaktiv OOO", location: "Dzerzhinsk, Russia"},
		{name: "Anatolia Kimya Ltd. Şti.", location: "Izmir, Turkey"},
	},
	keyBazaar: {
		{name: "kingchem_eu", location: "Rotterdam", risky: true,
			contacts: map[string]string{"Wickr": sharedWickr, "Telegram": "@kingchem_eu"}, wallet: otherBTC},
		{name: "bmk_lena", location: "Warszawa", risky: true,
			contacts: map[string]string{"Telegram": sharedTelegram, "Signal": "+48 512 330 918"}, wallet: sharedBTC},
		{name: "mario.quimica", location: "Valencia", risky: true,
			contacts: map[string]string{"WhatsApp": "+34 611 245 870", "Telegram": "@mario_qm"}, wallet: otherBTC},
		{name: "陈记化工", location: "广州", risky: true,
			contacts: map[string]string{"WhatsApp": sharedPhone, "Wickr": sharedWickr, "Telegram": "@chen_hg"}, wallet: sharedBTC},
		{name: "hobby_lab", location: "Lyon"},
		{name: "dutch_supplies", location: "Utrecht"},
		{name: "labmaster_pl", location: "Kraków"},
		{name: "华南试剂商行", location: "深圳"},
		{name: "ivan_chem", location: "Санкт-Петербург"},
	},
	keyTradeport: {
		{name: "GreenfieldBio", location: "CN", risky: true,
			contacts: map[string]string{"Telegram": sharedTelegram, "Wickr": "greenfield_bio"}, wallet: sharedBTC},
		{name: "KC Trading HK", location: "HK", risky: true,
			contacts: map[string]string{"WhatsApp": sharedPhone, "Wickr": sharedWickr}, wallet: otherBTC},
		{name: "Rhein Reagenz", location: "DE", risky: true,
			contacts: map[string]string{"Threema": "R7PX2M4A", "Telegram": "@rhein_reag"}, wallet: otherBTC},
		{name: "Solvents Direct Ltd", location: "GB"},
		{name: "Quimica del Norte", location: "ES"},
		{name: "ChimiePro SARL", location: "FR"},
		{name: "Polchem S.A.", location: "PL"},
		{name: "Holland Lab Supply", location: "NL"},
	},
}

// generation plan per platform: listing count, id base and language weights.
type plan struct {
	key      string
	prefix   string
	base     int
	count    int
	langs    []string
	currency string
}

var plans = []plan{
	{key: keyChemHub, prefix: "CH-", base: 1001, count: 100, langs: []string{"en", "en", "en", "en", "zh", "zh", "zh", "ru", "ru", "de", "de", "tr"}, currency: "USD"},
	{key: keyBazaar, prefix: "BZ-", base: 2001, count: 125, langs: []string{"en", "es", "es", "fr", "fr", "pl", "nl", "ru", "de", "zh", "zh", "zh"}, currency: "EUR"},
	{key: keyTradeport, prefix: "TP-", base: 3001, count: 75, langs: []string{"en", "en", "de", "fr", "es", "tr", "nl", "pl", "ru"}, currency: "USD"},
}

var purities = []string{"99%", "98.5%", "99.8%", "99.5%", "98%"}

var loadCatalog = sync.OnceValues(func() ([]listing, error) {
	var hand []listing
	if err := json.Unmarshal(handpickedJSON, &hand); err != nil {
		return nil, fmt.Errorf("decode handpicked listings: %w", err)
	}
	var all []listing
	for _, p := range plans {
		all = append(all, generate(p)...)
	}
	all = append(all, hand...)
	return all, nil
})

// generate writes p.count offers deterministically: the same listings on
// every run, so labels and tests are stable.
func generate(p plan) []listing {
	rng := rand.New(rand.NewPCG(uint64(p.base), 0x9e3779b97f4a7c15))
	pick := func(xs []string) string { return xs[rng.IntN(len(xs))] }
	var out []listing
	for i := range p.count {
		lang := p.langs[rng.IntN(len(p.langs))]
		b := banks[lang]
		l := listing{ID: fmt.Sprintf("%s%d", p.prefix, p.base+i), Platform: p.key, Lang: lang, Currency: p.currency}
		r := rng.IntN(100)
		var class string
		switch {
		case r < 22:
			class = classTableI
		case r < 36:
			class = classDesigner
		case r < 61:
			class = classTableII
		case r < 75:
			class = classMedicine
		case r < 85:
			class = classSurveillance
		default:
			class = "" // legitimate unrelated goods
		}
		// Risk: how many indicators this offer carries.
		nind := 0
		switch class {
		case classTableI, classDesigner:
			nind = []int{0, 1, 1, 2, 2}[rng.IntN(5)]
		case classTableII, classSurveillance, classMedicine:
			nind = []int{0, 0, 0, 1, 2}[rng.IntN(5)]
		}
		ss := sellersFor(p.key, lang, nind > 0)
		sel := ss[rng.IntN(len(ss))]
		l.Seller, l.Location = sel.name, sel.location

		fill := func(s string, sub *substance, qty string) string {
			r := strings.NewReplacer("{purity}", pick(purities), "{qty}", qty, "{country}", pick(b.countries), "{wallet}", sel.wallet)
			s = r.Replace(s)
			if sub != nil {
				cas := ""
				if len(sub.shown) > 0 {
					cas = sub.shown[rng.IntN(len(sub.shown))]
				}
				s = strings.NewReplacer("{name}", sub.names[lang], "{cas}", cas).Replace(s)
			}
			return s
		}
		var desc []string
		switch class {
		case "":
			g := b.legitGoods[rng.IntN(len(b.legitGoods))]
			l.Category = CategoryLegit
			l.Title, desc = g[0], []string{g[1], pick(b.ship)}
			if rng.IntN(2) == 0 {
				desc = append(desc, pick(b.pay))
			}
			l.Price = price(p, 20+rng.IntN(400), "")
		case classMedicine:
			sub := pickSubstance(rng, class)
			bulk := rng.IntN(2) == 0
			qty := pick(b.medRetail)
			if bulk {
				qty = pick(b.medBulk)
			}
			l.Category = CategoryMedicine
			l.Title = fill(pick(b.medTitles), &sub, qty)
			desc = []string{fill(pick(b.intro), &sub, qty), fill(sub.names[lang]+" — "+qty+".", &sub, qty)}
			if nind == 0 {
				desc = append(desc, pick(b.ship))
			}
			l.CAS = []string{sub.cas}
			l.Suspicious = bulk || nind > 0
			l.Price = price(p, 8+rng.IntN(3000), "")
		default:
			sub := pickSubstance(rng, class)
			qty := pick(b.bulk)
			l.Category = map[string]string{classTableI: CategoryTableI, classDesigner: CategoryDesigner,
				classTableII: CategoryTableII, classSurveillance: CategorySurveillance}[class]
			l.Title = fill(pick(b.titles), &sub, qty)
			desc = []string{fill(pick(b.intro), &sub, qty), fill(pick(b.spec), &sub, qty)}
			if len(sub.shown) > 0 && !strings.Contains(l.Title, sub.shown[0]) && rng.IntN(2) == 0 {
				desc = append(desc, "CAS "+sub.shown[0]+".")
			}
			desc = append(desc, fill(pick(b.pack), &sub, qty))
			if nind == 0 {
				desc = append(desc, pick(b.ship), pick(b.pay))
				if !sel.risky && rng.IntN(3) == 0 {
					desc = append(desc, pick(b.licence))
				}
			}
			l.CAS = []string{sub.cas}
			l.Suspicious = class == classTableI || class == classDesigner || nind > 0
			l.Price = price(p, 15+rng.IntN(2500), "/kg")
		}
		if nind > 0 {
			desc = append(desc, indicators(rng, b, sel, nind, pick(b.countries))...)
		}
		l.Description = strings.Join(desc, " ")
		out = append(out, l)
	}
	return out
}

// price formats an amount: a bare number in the JSON feed (its currency is
// a field of its own), "amount CUR/unit" on the HTML sites.
func price(p plan, amount int, unit string) string {
	if p.key == keyTradeport {
		return strconv.Itoa(amount)
	}
	return fmt.Sprintf("%d %s%s", amount, p.currency, unit)
}

func pickSubstance(rng *rand.Rand, class string) substance {
	ss := substancesOf(class)
	return ss[rng.IntN(len(ss))]
}

// sellersFor returns the sellers that may post an offer in lang: risky ones
// for offers with risk indicators, the others for clean offers. Chinese
// Bazaar listings come from Chinese sellers.
func sellersFor(key, lang string, risky bool) []seller {
	var out []seller
	for _, s := range sellers[key] {
		if s.risky != risky {
			continue
		}
		if key == keyBazaar && (lang == "zh") != isCJK(s.name) {
			continue
		}
		out = append(out, s)
	}
	return out
}

func isCJK(s string) bool {
	for _, r := range s {
		if r >= 0x4e00 && r <= 0x9fff {
			return true
		}
	}
	return false
}

// indicators writes n distinct risk-indicator sentences for sel.
func indicators(rng *rand.Rand, b phrases, sel seller, n int, country string) []string {
	var messenger []string
	for _, t := range b.messenger {
		for word, id := range sel.contacts {
			if strings.Contains(t, word) {
				messenger = append(messenger, strings.ReplaceAll(t, "{contact}", id))
			}
		}
	}
	slices.Sort(messenger) // map order must not leak into the output
	kinds := [][]string{messenger, b.stealth, b.customs, b.crypto, b.noPaperwork}
	var out []string
	used := map[int]bool{}
	for len(out) < n {
		k := rng.IntN(len(kinds))
		if used[k] || len(kinds[k]) == 0 {
			if len(used) >= len(kinds) {
				break
			}
			used[k] = true
			continue
		}
		used[k] = true
		s := kinds[k][rng.IntN(len(kinds[k]))]
		s = strings.NewReplacer("{country}", country, "{wallet}", sel.wallet).Replace(s)
		out = append(out, s)
	}
	return out
}
