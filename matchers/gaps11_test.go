package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// Code fixes of held-out round 11 (testdata/heldout11: an adaptive
// adversary writing around keyword filters); each test fails on the code
// before its fix.

// gap11Check matches title (and desc) and compares the offered primary CAS
// numbers with want.
func gap11Check(t *testing.T, title, desc string, want []string) {
	t.Helper()
	got := offeredCAS(mustMatcher(t).Match(&precwatch.Listing{Title: title, Description: desc}))
	if !equalStrings(got, want) {
		t.Errorf("title %q desc %q: CAS %v, want %v", title, desc, got, want)
	}
}

// TestGap11LookAlikeScripts: letters of scripts and symbol blocks NFKC
// leaves alone that sellers use for Latin ones — Cherokee (x0001 "ᏢᎷᏦ"),
// Armenian inside a Latin word (x0010 "Isօsafrօle"), IPA (x0015
// "Nitroethɑne"), stroked Latin (x0143 "1-Ƀoc"), parenthesized (x0031),
// negative circled and squared (x0028, x0029) and regional-indicator letters
// (x0032) — read as those letters; Armenian words stay Armenian.
func TestGap11LookAlikeScripts(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"ᏢᎷᏦ glycidate", "pmk glycidate"},
		{"ᎬᏢᎻᎬᎠᎡINE", "ephedrine"},
		{"Isօsafrօle", "isosafrole"},
		{"Pseսdoephedrine", "pseudoephedrine"},
		{"Հայերեն", "հայերեն"},
		{"Nitroethɑne ɡlycɩdate", "nitroethane glycidate"},
		{"1-Ƀoc Ƭelegram", "1-boc telegram"},
		{"⒠⒫⒣⒠⒟⒭⒤⒩⒠", "ephedrine"},
		{"🅢🅐🅕🅡🅞🅛🅔 🅱🅼🅺", "safrole bmk"},
		{"🇵\u200b🇲\u200b🇰", "pmk"},
		// Batch 3: Lisu, hooked Latin (x0155, x0167, x0213).
		{"ꓢafrole Ɱethylamine Pipeɾonal", "safrole methylamine piperonal"},
	} {
		if got := Normalize(tc.in).String(); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	gap11Check(t, "ᏢᎷᏦ glycidate 1kg in stock", "", []string{"13605-48-6"})
	gap11Check(t, "Isօsafrօle 98% 500 ml", "", []string{"120-58-1"})
	gap11Check(t, "🅢🅐🅕🅡🅞🅛🅔 1 L", "", []string{"94-59-7"})
}

// TestGap11LooseCAS: after a CAS keyword, a number written to slip past a
// filter is read — digits as words, a letter o/l/i for a digit, digits or
// groups spaced, dotted, bracketed or joined by underscores (x0081-x0099);
// the group sizes 2-7/2/1 and the check digit still decide, so codes with a
// wrong check digit (x0087) and numbers without the keyword stay out.
func TestGap11LooseCAS(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string
	}{
		{"cas 5449-l2-7, 1 kg", "5449-12-7"},
		{"cas l3605-48-6 1kg", "13605-48-6"},
		{"cas 1o3-79-7, 5 l", "103-79-7"},
		{"cas five four four nine - one two - seven, 1 kg", "5449-12-7"},
		{"cas: four-six-seven-six / three-nine / five oil", "4676-39-5"},
		{"cas 5 4 4 9 - 1 2 - 7 powder 1 kg", "5449-12-7"},
		{"cas 28 578-16 -7 oil 2 l", "28578-16-7"},
		{"cas [5449]-[12]-[7] 1 kg", "5449-12-7"},
		{"cas (13605)(48)(6) white powder", "13605-48-6"},
		{"cas 4.6.7.6-3.9-5 oil 1 l", "4676-39-5"},
		{"cas 5449_12_7 powder", "5449-12-7"},
		// Batch 3 (x0184, x0191): a letter next to a group hyphen,
		// digits spelled in French.
		{"cas 12o-57-o crystals 1 kg", "120-57-0"},
		{"cas: cinq-quatre-quatre-neuf / un-deux / sept poudre", "5449-12-7"},
		{"cas no. 5449 1 kg 12 pcs 7 days", ""},
		{"cas 5449-l2-8 1 kg", ""},
		{"order o1-2o-3 lol shirt", ""},
		{"five four four nine - one two - seven", ""},
	} {
		got := ""
		if ms := FindCAS([]byte(tc.in)); len(ms) > 0 {
			got = ms[0].CAS
			if ms[0].Start < 0 || ms[0].End > len(tc.in) || ms[0].Start >= ms[0].End {
				t.Errorf("FindCAS(%q): span %d-%d", tc.in, ms[0].Start, ms[0].End)
			}
		}
		if got != tc.want {
			t.Errorf("FindCAS(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	gap11Check(t, "Yellow powder CAS 5449-l2-7, 1 kg", "", []string{"25547-51-7"})
}

// TestGap11SeparatorInWord: a name cut by a dot, slash, bar, underscore,
// bullet or line break (x0049-x0053, x0056, x0057) is found joined, as a
// hyphen-cut one is; separators between whole words join nothing.
func TestGap11SeparatorInWord(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  []string
	}{
		{"Eph.edr.ine 1 kg", []string{"299-42-3"}},
		{"Saf/role 99% 1L", []string{"94-59-7"}},
		{"Pipe|ronal 1 kg, pure", []string{"120-57-0"}},
		{"Iso_safrole 500 ml", []string{"120-58-1"}},
		{"Ephe•drine 100 g", []string{"299-42-3"}},
		{"Safr\nole 1 kg", []string{"94-59-7"}},
		{"Ephed-\nrine HCl 250 g", []string{"299-42-3"}},
		{"Acetone/toluene 20 L each", []string{"108-88-3", "67-64-1"}},
		// Batch 3 (x0171): both words of a two-word name cut.
		{"Ace.tic an.hy.dride 20 L", []string{"108-24-7"}},
		{"Version 2.0 release: eph.ui module renamed, role.yaml updated", nil},
	} {
		gap11Check(t, tc.title, "", tc.want)
	}
}

// TestGap11RightToLeftOverride: text inside a right-to-left override is
// read in the order a reader sees it, reversed (x0045 "Buy
// \u202eenirdehpE\u202c 1kg" shows "Buy Ephedrine 1kg"); offsets map into
// the override.
func TestGap11RightToLeftOverride(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Buy \u202eenirdehpE\u202c 1kg", "buy ephedrine 1kg"},
		{"\u202elanorepiP\u202c 500 g", "piperonal 500 g"},
		{"a \u202ecba\nxyz", "a abc\nxyz"},
		{"\u202e", ""},
	} {
		n := Normalize(tc.in)
		if got := n.String(); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
		for i := 0; i < len(n.Norm); i++ {
			if s, e := n.Orig(i, i+1); s < 0 || e > len(tc.in) || s > e {
				t.Errorf("Normalize(%q): byte %d maps to %d-%d", tc.in, i, s, e)
			}
		}
	}
	gap11Check(t, "Buy \u202eenirdehpE\u202c 1kg", "crystal, 99%", []string{"299-42-3"})
}

// TestGap11PictographBetweenWords: a pictograph standing between spaces
// before a lower-case word is decoration ("Pseudo 🔥 ephedrine", x0055, was
// read as ephedrine beside pseudoephedrine); before a capital it still
// separates list items.
func TestGap11PictographBetweenWords(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Pseudo 🔥 ephedrine", "pseudo ephedrine"},
		{"Pseudo 🔥\ufe0f ephedrine", "pseudo ephedrine"},
		{"✅ Acetone ✅ MEK", "✅ acetone ✅ mek"},
	} {
		if got := Normalize(tc.in).String(); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	gap11Check(t, "Pseudo 🔥 ephedrine 😉 crystals 500 g", "", []string{"90-82-4"})
}

// TestGap11JoinTrigrams: the separator rescan skips a cut whose trigrams
// across it occur in no substance term (most dots, slashes and line breaks
// of ordinary text), and keeps every cut inside a name.
func TestGap11JoinTrigrams(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		norm string
		cut  int
		want bool
	}{
		{"eph.edrine", 3, true},
		{"saf/role", 3, true},
		{"ace.tic", 3, true},
		{"drum\nprice", 4, false},
		{"www.example", 3, false},
		// Both trigrams occur in names ("ace", "eta"/"cet"), the 4-gram
		// "ceta" too: kept; "drum" + "tank" ("umta") is in none. ("drum"
		// + "pack" was the example until "Cinnamomum parthenoxylon oil",
		// a safrole-rich oil, brought "umpa" into the names, session 14.)
		{"ace.tate", 3, true},
		{"drum/tank", 4, false},
	} {
		if got := m.mayJoin([]byte(tc.norm), tc.cut, tc.cut+1); got != tc.want {
			t.Errorf("mayJoin(%q, %d) = %v, want %v", tc.norm, tc.cut, got, tc.want)
		}
	}
}

// TestGap11StreetNameBlocked: a street name holding an ambiguous
// abbreviation ("new PMK", "BMK powder") is blocked by that abbreviation's
// block words (x0117, x0211 "PMK Racing — new PMK series exhaust", x0212
// "BMK powder-coated wheel rims"); without them it still names the
// substance.
func TestGap11StreetNameBlocked(t *testing.T) {
	for _, tc := range []struct {
		title string
		want  []string
	}{
		{"PMK Racing — new PMK series exhaust", nil},
		{"PMK Motors — brake pads 'new PMK series'", nil},
		{"BMK powder-coated wheel rims 17\"", nil},
		{"New PMK powder 1kg", []string{"13605-48-6"}},
		{"BMK powder new batch 99%", []string{"25547-51-7"}},
		{"new PMK oil 5 L, high yield", []string{"28578-16-7"}},
	} {
		gap11Check(t, tc.title, "", tc.want)
	}
}

// TestGap11TemperatureIsNoTelegram: a messenger label followed by a
// temperature is a measurement — "Tg: 105 °C" is a resin's glass
// transition (heldout11 x0079) — while the same labels with a handle or a
// number are still contacts.
func TestGap11TemperatureIsNoTelegram(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		desc string
		want bool // a messenger-contact indicator
	}{
		{"Tg: 105 °C after cure with our hardener. Contains toluene 60 %.", false},
		{"Epoxy with toluene, Tg ~ 60-80 ℃, pot life 40 min.", false},
		{"Toluene 99%, TG: -20 °c storage.", false},
		{"Toluene 99%, order via TG: @chem_king", true},
		{"Toluene 99%, tg: chemking_shop", true},
		{"Toluene 99%, Telegram: +7 915 123 45 67", true},
	} {
		r := m.Match(&precwatch.Listing{Title: "Toluene 5 L", Description: tc.desc})
		got := false
		for _, ind := range r.Indicators {
			if ind.ID == IndMessenger {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%q: messenger-contact %v, want %v (indicators %+v)", tc.desc, got, tc.want, r.Indicators)
		}
	}
}
