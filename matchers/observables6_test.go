package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// obsStrings is the observables of text as "type=value".
func obsStrings(text string) []string {
	var out []string
	for _, o := range Observables(text) {
		out = append(out, o.Type+"="+o.Value)
	}
	return out
}

// TestPhoneDigits6: one phone number in its common writings is one value:
// the trunk prefix "(0)" after a country code is dropped, 00 is '+', a bare
// 0 is dropped only after a country code whose numbers never start with 0
// (Italy keeps it), brackets around an area code are no trunk prefix, and
// numbers without a country code stay as written.
func TestPhoneDigits6(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		// Fixes: these were +4407700900555, +49030…, +330123…, +48022…
		{"+44 (0) 7700 900555", "+447700900555"},
		{"+44(0)7700 900555", "+447700900555"},
		{"+44 ( 0 ) 7700-900-555", "+447700900555"},
		{"+44 0 7700 900555", "+447700900555"},
		{"+44 (07700) 900555", "+447700900555"},
		{"0044 (0)7700 900555", "+447700900555"},
		{"00 44 0 7700 900555", "+447700900555"},
		{"+49 (0)30 1234567", "+49301234567"},
		{"+33 (0)1 23 45 67 89", "+33123456789"},
		{"+61 (0)4 1234 5678", "+61412345678"},
		{"+380 (0)67 123 4567", "+380671234567"},
		{"+48 (0) 22 123 45 67", "+48221234567"}, // bracketed: any country without numbers starting 0
		// Unchanged.
		{"+44 7700 900555", "+447700900555"},
		{"0044 7700 900555", "+447700900555"},
		{"00 44 7700 900555", "+447700900555"},
		{"+447700900555", "+447700900555"},
		{"+39 06 1234 5678", "+390612345678"},   // Italy keeps its 0
		{"+39 (0)6 1234 5678", "+390612345678"}, // even in brackets
		{"0039 06 1234 5678", "+390612345678"},
		{"+225 07 12 34 56 78", "+2250712345678"}, // Côte d'Ivoire numbers start with 0
		{"+1 (555) 123-4567", "+15551234567"},
		{"+7 (495) 123-45-67", "+74951234567"},
		{"+36 06 1 234 5678", "+360612345678"}, // Hungary's trunk prefix is 06: unsure, kept
		{"+34 0 612 345 678", "+340612345678"}, // Spain has no trunk prefix: unsure, kept
		{"07700 900555", "07700900555"},
		{"(0)7700 900555", "07700900555"},
		{"8 (916) 123-45-67", "89161234567"},
		{"000 123 4567", "0001234567"},
	} {
		if got := phoneDigits(tc.in); got != tc.want {
			t.Errorf("phoneDigits(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestObservables6 checks the normalised observables of texts: phone
// numbers as above also in tel: and wa.me links and after messenger
// labels, ethereum and bech32 addresses lower-cased, base58 addresses as
// written, e-mail addresses and messenger handles in one case.
func TestObservables6(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		// Phone numbers (fixes).
		{"Call +44 (0) 7700 900555 today", []string{"phone=+447700900555"}},
		{"tel:+44(0)7700900555", []string{"phone=+447700900555"}},
		{"WhatsApp: +44 (0) 7700 900555", []string{"whatsapp=+447700900555", "phone=+447700900555"}},
		{"WhatsApp: 0044 (0)7700 900555", []string{"whatsapp=+447700900555"}},
		{"Signal: +49 (0)151 2345 6789", []string{"signal=+4915123456789", "phone=+4915123456789"}},
		{"wa.me/4407700900555", []string{"whatsapp=+447700900555"}},
		{"https://api.whatsapp.com/send?phone=447700900555&text=hi", []string{"url=https://api.whatsapp.com/send?phone=447700900555&text=hi", "whatsapp=+447700900555"}},
		{"whatsapp://send?phone=447700900555", []string{"whatsapp=+447700900555"}},
		{"Whatsapp.com/send/?phone=+44 (0)7700 900555", []string{"whatsapp=+447700900555", "phone=+447700900555"}},
		{"WhatsApp/Signal: +44 (0)7700 900555", []string{"whatsapp=+447700900555", "signal=+447700900555", "phone=+447700900555"}},
		// Phone numbers (unchanged).
		{"tel:+44-7700-900555", []string{"phone=+447700900555"}},
		{"wa.me/447700900555", []string{"whatsapp=+447700900555"}},
		{"WhatsApp: 00 44 7700 900555", []string{"whatsapp=+447700900555"}},
		{"Call +39 06 1234 5678", []string{"phone=+390612345678"}},
		{"Call +1 (555) 123-4567", []string{"phone=+15551234567"}},
		{"WhatsApp: 07700 900555", []string{"whatsapp=07700900555"}},
		// Crypto addresses (fixes: EIP-55 and upper-case bech32 kept their case).
		{"ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", []string{"ethereum=0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"}},
		{"ETH 0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", []string{"ethereum=0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359"}},
		{"ETH 0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", []string{"ethereum=0xd1220a0cf47c7b9be7a2e6ba89f429762e7b9adb"}},
		{"ETH 0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED", []string{"ethereum=0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"}},
		{"BTC BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", []string{"bitcoin=bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"}},
		// Crypto addresses (unchanged).
		{"ETH 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed", []string{"ethereum=0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"}},
		{"ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", nil}, // wrong EIP-55 checksum: no address
		{"BTC 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", []string{"bitcoin=1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"}},
		{"BTC bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", []string{"bitcoin=bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"}},
		{"BTC bc1qW508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", nil}, // bech32 in mixed case is invalid
		{"USDT TRC20 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", []string{"tron=TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"}},
		// E-mail addresses: domain and local part lower-cased.
		{"mail Sales.Team@Chem.EXAMPLE.com", []string{"email=sales.team@chem.example.com"}},
		{"Kemi.Sales [at] Proton [dot] ME", []string{"email=kemi.sales@proton.me"}},
		// Handles in any case are one handle.
		{"Telegram: @BMK_Shop", []string{"telegram=@bmk_shop"}},
		{"tg: @BMK_SHOP", []string{"telegram=@bmk_shop"}},
		{"https://t.me/BMK_Shop", []string{"url=https://t.me/BMK_Shop", "telegram=@bmk_shop"}},
		{"Wickr: BMK_Shop", []string{"wickr=bmk_shop"}},
		{"Signal username: BMK.Shop", []string{"signal=bmk.shop"}},
		{"Threema ID: abcd1234", []string{"threema=ABCD1234"}},
	} {
		if got := obsStrings(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Observables(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

// TestObservablesLink6: the same seller written two ways on two platforms
// has the same observables, so the two listings are linked.
func TestObservablesLink6(t *testing.T) {
	for _, tc := range []struct{ a, b string }{
		{"WhatsApp: +44 (0) 7700 900555", "WhatsApp: +44 7700 900555"},
		{"Phone +49 (0)30 1234567", "Phone +49 30 1234567"},
		{"ETH 0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "ETH 0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"},
		{"BTC BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "BTC bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},
		{"Telegram: @BMK_Shop", "Telegram: @bmk_shop"},
		{"SALES@KEM.EXAMPLE", "sales@kem.example"},
	} {
		ga, gb := obsStrings(tc.a), obsStrings(tc.b)
		if len(ga) == 0 || !slices.Equal(ga, gb) {
			t.Errorf("Observables(%q) = %v, Observables(%q) = %v, want the same, not empty", tc.a, ga, tc.b, gb)
		}
	}
	// Through Match: the observables of a listing carry the normalised value.
	m := testMatcher(t)
	res := m.Match(&precwatch.Listing{Title: "Ephedrine HCl 1 kg", Description: "No prescription. WhatsApp: +44 (0) 7700 900555"})
	if !slices.Contains(res.Observables, precwatch.Observable{Type: precwatch.ObservableWhatsApp, Value: "+447700900555"}) {
		t.Errorf("Match(whatsapp +44 (0) 7700 900555).Observables = %v, want whatsapp +447700900555", res.Observables)
	}
}
