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
	} {
		if got := Normalize(tc.in).String(); got != tc.want {
			t.Errorf("Normalize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
	gap11Check(t, "ᏢᎷᏦ glycidate 1kg in stock", "", []string{"13605-48-6"})
	gap11Check(t, "Isօsafrօle 98% 500 ml", "", []string{"120-58-1"})
	gap11Check(t, "🅢🅐🅕🅡🅞🅛🅔 1 L", "", []string{"94-59-7"})
}
