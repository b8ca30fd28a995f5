package matchers

import (
	"math"
	"reflect"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/precwatch/precwatch"
)

var (
	sharedOnce    sync.Once
	sharedMatcher *Matcher
	sharedErr     error
)

// testMatcher returns one matcher over the built-in watchlist for all tests.
func testMatcher(tb testing.TB) *Matcher {
	tb.Helper()
	sharedOnce.Do(func() {
		w, err := LoadWatchlist()
		if err != nil {
			sharedErr = err
			return
		}
		sharedMatcher, sharedErr = New(w, Options{})
	})
	if sharedErr != nil {
		tb.Fatal(sharedErr)
	}
	return sharedMatcher
}

// verdict is the part of a match the context tests compare.
type verdict struct {
	offered, negated []string // substance ids
	suspicious       bool
}

func verdictOf(m precwatch.Match) verdict {
	var v verdict
	for _, s := range m.Substances {
		if s.Negated {
			v.negated = append(v.negated, s.ID)
		} else {
			v.offered = append(v.offered, s.ID)
		}
	}
	sort.Strings(v.offered)
	sort.Strings(v.negated)
	v.suspicious = m.Suspicious
	return v
}

func ids(s ...string) []string { return s }

func TestNegation(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		title, desc      string
		offered, negated []string
	}{
		{"Herbal slimming tea", "100% ephedrine-free formula", nil, ids("ephedrine")},
		{"Decongestant", "free of ephedrine and pseudoephedrine", nil, ids("ephedrine", "pseudoephedrine")},
		{"Nasal spray", "does not contain pseudoephedrine", nil, ids("pseudoephedrine")},
		{"Té adelgazante", "sin efedrina", nil, ids("ephedrine")},
		{"减肥茶", "不含麻黄碱", nil, ids("ephedrine")},
		{"Tee", "ohne Ephedrin", nil, ids("ephedrine")},
		{"Thé minceur", "sans éphédrine", nil, ids("ephedrine")},
		{"Afslankthee", "zonder efedrine", nil, ids("ephedrine")},
		{"Herbata", "bez efedryny", nil, ids("ephedrine")},
		{"Çay", "efedrin içermez", nil, ids("ephedrine")},
		{"Чай", "без эфедрина", nil, ids("ephedrine")},
		{"Ephedrine HCl", "CAS No. 50-98-6, 99% powder", ids("ephedrine"), nil},
		{"Ephedrine HCl powder", "no prescription needed, fast delivery", ids("ephedrine"), nil},
		{"Ephedrine HCl powder", "free shipping worldwide", ids("ephedrine"), nil},
		{"Pseudoephedrine-free tablets", "Pseudoephedrine 99% powder also available in bulk", ids("pseudoephedrine"), nil},
	}
	for _, tt := range tests {
		got := verdictOf(m.Match(&precwatch.Listing{Title: tt.title, Description: tt.desc, Price: "10"}))
		if !reflect.DeepEqual(got.offered, tt.offered) || !reflect.DeepEqual(got.negated, tt.negated) {
			t.Errorf("Match(%q / %q): offered %v negated %v, want %v / %v", tt.title, tt.desc, got.offered, got.negated, tt.offered, tt.negated)
		}
	}
}

func TestAmbiguity(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		title, desc string
		offered     []string
	}{
		{"P2P lending platform", "Invest in peer loans, 12% yearly", nil},
		{"AA batteries 24 pack", "Alkaline AA batteries", nil},
		{"Pilas AA alcalinas, pack de 24", "Larga duración, 99% de clientes satisfechos", nil},
		{"Batterien AA, 10 Stück", "Mignon AA 1,5 V, 99% Kundenzufriedenheit", nil},
		{"Батарейки AA, 4 шт", "щелочные, 99% покупателей довольны", nil},
		{"AA电池 4节", "碱性电池, 纯度 99%", nil},
		{"BMK 99% oil", "Telegram @bmk_direct, contact pmk_shop", ids("p-2-p")},
		{"Acetone 99%, 20 L", "Telegram @bmk_direct", ids("acetone")},
		{"NPP nuclear power plant tour", "Visit the NPP", nil},
		{"PMK Automotive brake pads", "Part no. PMK-D1210", nil},
		{"P2P 99% oil", "CAS 103-79-7, liquid, 25 kg drum", ids("p-2-p")},
		{"BMK oil", "high purity", ids("p-2-p")},
		{"Ephedrine HCl 99%", "white crystalline powder", ids("ephedrine")}, // HCl is a salt marker here
		{"Hydrochloric acid 37%", "HCl technical grade, 30 kg drums", ids("hydrochloric-acid")},
	}
	for _, tt := range tests {
		got := verdictOf(m.Match(&precwatch.Listing{Title: tt.title, Description: tt.desc, Price: "10"}))
		if !reflect.DeepEqual(got.offered, tt.offered) {
			t.Errorf("Match(%q / %q): offered %v, want %v", tt.title, tt.desc, got.offered, tt.offered)
		}
	}
}

func TestIndicators(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		desc string
		want []string
	}{
		{"Stealth shipping, vacuum sealed", ids(IndStealth)},
		{"100% customs pass to Australia and Canada", ids(IndCustoms)},
		{"Contact wickr: chemking", ids(IndMessenger)},
		{"Payment BTC only", ids(IndCrypto)},
		{"No paperwork, no questions asked", ids(IndNoPaper)},
		{"Can be declared as shoe polish", ids(IndMislabel)},
		{"Shipped as dangerous goods, UN1090", nil},
		{"High conversion rate to oil", ids(IndSynthesis)},
		{"隐蔽包装，包清关", ids(IndStealth, IndCustoms)},
		{"Скрытая упаковка, оплата в биткоинах", ids(IndStealth, IndCrypto)},
		{"Envío discreto, sin receta", ids(IndStealth, IndNoPaper)},
		{"Fast delivery, T/T or L/C", nil},
		// A denied licence, permit or prescription, in any wording.
		{"Lizenz nicht erforderlich, Versand an Privatpersonen", ids(IndNoPaper)},
		{"No hace falta receta", ids(IndNoPaper)},
		{"Лицензия не требуется", ids(IndNoPaper)},
		{"Lisans gerekmez, herkese satış", ids(IndNoPaper)},
		{"Nie potrzeba zezwolenia", ids(IndNoPaper)},
		{"Geen vergunning nodig", ids(IndNoPaper)},
		{"Pas besoin de licence", ids(IndNoPaper)},
		{"不需要许可证，个人可买", ids(IndNoPaper)},
		{"Licence number EU-4471 required with every order", nil},
		{"No licensing needed, we ship to private buyers", ids(IndNoPaper)},
		{"Keine Genehmigung nötig", ids(IndNoPaper)},
		{"Não é necessária receita", ids(IndNoPaper)},
		{"Not sold without a prescription", nil},
		{"Reçetesiz satılmaz", nil},
		{"Wickr only, no questions asked", ids(IndMessenger, IndNoPaper)},
		{"BTC only, no prescription needed", ids(IndCrypto, IndNoPaper)},
		{"禁止无处方销售", nil},
		// Customs and stealth phrases beyond English.
		{"100 % Zollsicherheit, Neuversand bei Verlust", ids(IndCustoms)},
		{"Paso de aduana 100% garantizado", ids(IndCustoms)},
		{"包装隐秘，外箱无标识", ids(IndStealth)},
	}
	for _, tt := range tests {
		res := m.Match(&precwatch.Listing{Title: "Acetone 20 L", Description: tt.desc, Price: "10"})
		var got []string
		for _, ind := range res.Indicators {
			if ind.ID != IndBulk && ind.ID != IndDesigner {
				got = append(got, ind.ID)
			}
		}
		sort.Strings(got)
		want := append([]string(nil), tt.want...)
		sort.Strings(want)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("Match(%q): indicators %v, want %v", tt.desc, got, want)
		}
		// Acetone (Table II) is suspicious exactly when a risk indicator is there.
		if res.Suspicious != (len(tt.want) > 0) {
			t.Errorf("Match(%q): suspicious %v, want %v (%v)", tt.desc, res.Suspicious, len(tt.want) > 0, res.Explain)
		}
	}
}

func TestObservables(t *testing.T) {
	tests := []struct {
		in   string
		want []precwatch.Observable
	}{
		{"mail Sales@Chem.example.com now", []precwatch.Observable{{Type: "email", Value: "sales@chem.example.com"}}},
		{"see https://shop.example/p/1.", []precwatch.Observable{{Type: "url", Value: "https://shop.example/p/1"}}},
		{"t.me/chem_shop", []precwatch.Observable{{Type: "telegram", Value: "@chem_shop"}}},
		{"Telegram: @ChemShop", []precwatch.Observable{{Type: "telegram", Value: "@chemshop"}}},
		{"wickr me: chemking", []precwatch.Observable{{Type: "wickr", Value: "chemking"}}},
		{"WhatsApp: +86 155 0000 1234", []precwatch.Observable{{Type: "whatsapp", Value: "+8615500001234"}, {Type: "phone", Value: "+8615500001234"}}},
		{"Threema ID: ABCD1234", []precwatch.Observable{{Type: "threema", Value: "ABCD1234"}}},
		{"Signal: +44 7700 900123", []precwatch.Observable{{Type: "signal", Value: "+447700900123"}, {Type: "phone", Value: "+447700900123"}}},
		{"BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", []precwatch.Observable{{Type: "bitcoin", Value: "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"}}},
		{"BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb", nil}, // checksum fails
		{"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", []precwatch.Observable{{Type: "bitcoin", Value: "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"}}},
		{"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", nil},
		{"ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", []precwatch.Observable{{Type: "ethereum", Value: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"}}},
		{"ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", nil}, // EIP-55 case checksum fails
		{"ETH 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", []precwatch.Observable{{Type: "ethereum", Value: "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"}}},
		{"USDT TRC20 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", []precwatch.Observable{{Type: "tron", Value: "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"}}},
		{"no contacts here, call me", nil},
	}
	for _, tt := range tests {
		got := Observables(tt.in)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Observables(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestScorePolicy(t *testing.T) {
	m := testMatcher(t)
	tests := []struct {
		name       string
		l          precwatch.Listing
		suspicious bool
	}{
		{"table I chemical", precwatch.Listing{Title: "Ephedrine HCl 99% powder", Price: "100"}, true},
		{"table I with licence", precwatch.Listing{Title: "Ephedrine HCl 99% powder", Description: "End-user declaration required, licence number on request", Price: "100"}, true},
		{"designer", precursorListing("BMK glycidate CAS 5449-12-7"), true},
		{"table II plain", precursorListing("Toluene 99.9% 200 L drum"), false},
		{"table II with indicator", precursorListing("Toluene 200 L drum, stealth shipping"), true},
		{"retail medicine", precwatch.Listing{Title: "Sudafed 60 mg tablets, pack of 12", Price: "5"}, false},
		{"retail medicine no prescription", precwatch.Listing{Title: "Pseudoephedrine 60 mg tablets", Description: "no prescription, discreet shipping", Price: "5"}, true},
		{"bulk medicine", precwatch.Listing{Title: "Pseudoephedrine 60 mg tablets wholesale", Description: "500 cartons available", Price: "5"}, true},
		{"bulk medicine de", precwatch.Listing{Title: "Ephedrin 30 mg Tabletten", Description: "Palette mit 12.000 Tabletten", Price: "5"}, true},
		{"bulk medicine ru", precwatch.Listing{Title: "Псевдоэфедрин 60 мг таблетки", Description: "отгружаем 300 упаковок", Price: "5"}, true},
		{"bulk medicine pl", precwatch.Listing{Title: "Efedryna 25 mg tabletki", Description: "100 000 tabletek w magazynie", Price: "5"}, true},
		{"retail medicine es", precwatch.Listing{Title: "Efedrina 25 mg comprimidos", Description: "Caja de 20 comprimidos", Price: "5"}, false},
		{"no licence for licensed words", precwatch.Listing{Title: "Pseudoephedrine 60 mg tablets, 2 boxes", Description: "不需要许可证", Price: "5"}, true},
		{"news", precwatch.Listing{Title: "Police seized 300 kg of ephedrine", Description: "Officials said the precursor was declared as vitamins."}, false},
		{"indicators only", precwatch.Listing{Title: "Vitamin C", Description: "stealth shipping, BTC only", Price: "5"}, false},
	}
	for _, tt := range tests {
		res := m.Match(&tt.l)
		if res.Suspicious != tt.suspicious {
			t.Errorf("%s: suspicious %v, want %v; explain %v", tt.name, res.Suspicious, tt.suspicious, res.Explain)
		}
		if res.Suspicious && res.Score < DefaultThreshold || !res.Suspicious && res.Score >= DefaultThreshold {
			t.Errorf("%s: score %.2f inconsistent with suspicious %v", tt.name, res.Score, res.Suspicious)
		}
		if len(res.Explain) == 0 && len(res.Substances) > 0 {
			t.Errorf("%s: no explain lines", tt.name)
		}
	}
	// A higher threshold keeps the score and clears the weaker verdicts.
	strict, err := New(NewWatchlist(m.subs...), Options{Threshold: 0.9})
	if err != nil {
		t.Fatal(err)
	}
	l := precursorListing("Toluene 200 L drum, stealth shipping")
	a, b := m.Match(&l), strict.Match(&l)
	if a.Score != b.Score || !a.Suspicious || b.Suspicious {
		t.Errorf("threshold 0.5 vs 0.9: %.2f/%v vs %.2f/%v", a.Score, a.Suspicious, b.Score, b.Suspicious)
	}
}

func precursorListing(title string) precwatch.Listing {
	return precwatch.Listing{Title: title, Description: "Contact sales for a quote.", Price: "USD 100 / kg"}
}

// TestHitOffsets checks that every hit points at its text in the original
// field.
func TestHitOffsets(t *testing.T) {
	m := testMatcher(t)
	l := precwatch.Listing{Title: "ＢＭＫ glycidate — CAS ５４４９－１２－７", Description: "E\u200bphedrine &amp; pseud0ephedrine, 盐酸伪麻黄碱 99%"}
	res := m.Match(&l)
	if len(res.Substances) == 0 {
		t.Fatalf("no substances in %+v", l)
	}
	for _, s := range res.Substances {
		for _, h := range s.Hits {
			text := map[string]string{"title": l.Title, "description": l.Description}[h.Field]
			if h.Start < 0 || h.End > len(text) || h.Start >= h.End {
				t.Errorf("hit %+v outside field %q", h, text)
				continue
			}
			got := Normalize(text[h.Start:h.End]).String()
			if h.Kind == precwatch.HitCAS {
				if !strings.Contains(got, "5449-12-7") {
					t.Errorf("cas hit %+v covers %q", h, text[h.Start:h.End])
				}
				continue
			}
			if got == "" {
				t.Errorf("hit %+v covers nothing", h)
			}
		}
	}
}

func TestMatchConcurrent(t *testing.T) {
	m := testMatcher(t)
	l := precursorListing("Ephedrine HCl 99% powder, wickr: chemking")
	want := m.Match(&l)
	var wg sync.WaitGroup
	for i := 0; i < 8; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := 0; j < 50; j++ {
				if got := m.Match(&l); !reflect.DeepEqual(got, want) {
					t.Errorf("concurrent Match differs: %+v vs %+v", got, want)
					return
				}
			}
		}()
	}
	wg.Wait()
}

func TestNegationFreeBase(t *testing.T) {
	m := testMatcher(t)
	for _, title := range []string{"Ephedrine free base 99%", "Pseudoephedrine free-flowing powder", "Ephedrine, free delivery"} {
		got := verdictOf(m.Match(&precwatch.Listing{Title: title, Price: "10"}))
		if len(got.offered) != 1 || len(got.negated) != 0 {
			t.Errorf("Match(%q): offered %v negated %v, want one offered", title, got.offered, got.negated)
		}
	}
}

// TestLargeDocument runs a page that names a substance thousands of times
// among cues and context words: every context lookup is windowed, and the
// reported hits are capped.
func TestLargeDocument(t *testing.T) {
	m := testMatcher(t)
	words := []string{"ephedrine", "HCl", "no", "free", "stealth", "kg", "99%", "P2P", "AA", "powder", "telegram", "oil", "BMK", "without", "price"}
	var b strings.Builder
	for i := 0; i < 60000; i++ {
		b.WriteString(words[(i*7+i/3)%len(words)])
		b.WriteByte(' ')
	}
	res := m.Match(&precwatch.Listing{Description: b.String()})
	for _, s := range res.Substances {
		if len(s.Hits) > MaxHitsPerSubstance {
			t.Errorf("%s: %d hits, want at most %d", s.ID, len(s.Hits), MaxHitsPerSubstance)
		}
	}
	if !res.Suspicious {
		t.Errorf("large page offering ephedrine powder: not suspicious: %v", res.Explain)
	}
}

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		in      string
		want    float64
		wantEnd int
	}{
		{"25 kg", 25, 2},
		{"10,000 boxes", 10000, 6},
		{"50.000 tabletten", 50000, 6},
		{"50 000 tabletek", 50000, 6},
		{"1,000,000 pcs", 1000000, 9},
		{"99.8%", 99.8, 4},
		{"2,5 l", 2.5, 3},
		{"12000 tablets", 12000, 5},
		{"200 l", 200, 3},
		{"3 500", 3500, 5},
	}
	for _, tt := range tests {
		got, end := parseQuantity([]byte(tt.in), 0)
		if math.Abs(got-tt.want) > 1e-9 || end != tt.wantEnd {
			t.Errorf("parseQuantity(%q) = %v, %d; want %v, %d", tt.in, got, end, tt.want, tt.wantEnd)
		}
	}
}
