package matchers

import (
	"slices"
	"strings"
	"testing"

	"github.com/precwatch/precwatch"
)

// Code fixes of held-out round 12 (testdata/heldout12: an outside evaluator
// building a test set clause by clause from the ticket policy and the
// reference texts); each test fails on the code before its fix.

// gap12Verdict matches a listing and compares its verdict with want.
func gap12Verdict(t *testing.T, l precwatch.Listing, want bool) precwatch.Match {
	t.Helper()
	got := mustMatcher(t).Match(&l)
	if got.Suspicious != want {
		t.Errorf("title %q desc %q: suspicious %v (score %.2f), want %v; explain %q", l.Title, l.Description, got.Suspicious, got.Score, want, got.Explain)
	}
	return got
}

// TestGap12PharmacopoeiaMonograph: "EP monograph" or "USP monograph" names
// the quality standard an API meets, not a book about it (y0012, an
// ergotamine tartrate API); a monograph on its own is still a book.
func TestGap12PharmacopoeiaMonograph(t *testing.T) {
	gap12Verdict(t, precwatch.Listing{Title: "Ergotamine tartrate API, 100 g",
		Description: "Pharmaceutical grade ergotamine tartrate, EP monograph, for formulation."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Piperonal 500 g", Description: "Complies with the USP monograph. In stock."}, true)
	gap12Verdict(t, precwatch.Listing{Title: "Safrole: a monograph",
		Description: "Hardcover, 240 pages, on the chemistry and toxicology of safrole. Ships in 2 days."}, false)
}

// TestGap12RefusedFiat: a fiat method the seller refuses ("We don't do
// PayPal or bank", y0116) is no other way to pay, so the crypto named
// beside it is the only one; a fiat method offered beside crypto still
// makes the crypto no indicator, even when another one is refused.
func TestGap12RefusedFiat(t *testing.T) {
	got := gap12Verdict(t, precwatch.Listing{Title: "Toluene 10 L", Description: "Payment: Bitcoin, Monero. We don't do PayPal or bank."}, true)
	if !slices.ContainsFunc(got.Indicators, func(i precwatch.Indicator) bool { return i.ID == IndCrypto }) {
		t.Errorf("refused PayPal: no crypto indicator in %+v", got.Indicators)
	}
	gap12Verdict(t, precwatch.Listing{Title: "Toluene 10 L", Description: "Payment: Bitcoin, Monero or PayPal."}, false)
	gap12Verdict(t, precwatch.Listing{Title: "Acetone 20 L", Description: "Bitcoin accepted. No cash, but bank transfer is fine."}, false)
}

// TestGap12Observables: contacts written the way an evaluator checks them
// — a Threema ID labelled a few words after the name (y0034), a Telegram
// handle after the name in Arabic, Hindi or Korean with words between
// (y0050, y0100, y0110), a Signal username (y0095), e-mail addresses with
// "[at]"/"(at)" and "[dot]"/"(dot)" (y0086, y0099) — and look-alikes that
// are none.
func TestGap12Observables(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string // type=value
	}{
		{"Contact us on Threema only, ID 7XK4PQ2M.", []string{"threema=7XK4PQ2M"}},
		{"Threema: 9HJ2TNQW", []string{"threema=9HJ2TNQW"}},
		{"Threema only, id card needed for pickup", nil},
		{"للطلب تواصل عبر تيليجرام @chem_ar_supply فقط.", []string{"telegram=@chem_ar_supply"}},
		{"ऑर्डर के लिए टेलीग्राम पर संपर्क करें: @hindchem", []string{"telegram=@hindchem"}},
		{"텔레그램 문의 @kchem_kr", []string{"telegram=@kchem_kr"}},
		{"Telegram channel for news. Email sales@kem.example", []string{"email=sales@kem.example"}},
		{"Signal username: chemvault.42", []string{"signal=chemvault.42"}},
		{"Email kemi.sales [at] proton [dot] me for orders.", []string{"email=kemi.sales@proton.me"}},
		{"No questions asked. orders(at)labnord(dot)example", []string{"email=orders@labnord.example"}},
		{"write to Info (AT) Kem-Lab.example", []string{"email=info@kem-lab.example"}},
		{"Density 1.05 g/ml (at) 20 °C", nil},
		{"Visit us (at) booth 4.2b", nil},
	} {
		var got []string
		for _, o := range Observables(tc.in) {
			got = append(got, o.Type+"="+o.Value)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("Observables(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
	// Through Match, the contacts are messenger indicators too.
	got := gap12Verdict(t, precwatch.Listing{Title: "Methyl ethyl ketone (2-butanone) 200 L", Description: "Contact us on Threema only, ID 7XK4PQ2M."}, true)
	if !strings.Contains(strings.Join(got.Explain, "|"), "messenger") {
		t.Errorf("threema ID: explain %q has no messenger indicator", got.Explain)
	}
}

// TestGap12MislabelTrueName: a mislabelling phrase whose quoted (or
// following) name is the substance the listing offers gives the true name
// ("shipped as 'Acetone, UN1090'", "按'盐酸'申报"), so it is no indicator; a
// name found only there is the false one ("Toluene 20 L, shipped as
// 'acetone'"), and a quoted name that is no substance ("labelled 'hand
// sanitiser refill'", y0236; "按照'清洁剂'报关", y0247) is a mislabel.
func TestGap12MislabelTrueName(t *testing.T) {
	for _, tc := range []struct {
		title, desc string
		want        bool
	}{
		{"Acetone 20 L", "Shipped as 'Acetone, UN1090' in approved drums.", false},
		{"Acetone 20 L", "Shipped as acetone, UN1090, by road.", false},
		{"盐酸 30% 25kg", "按'盐酸'申报，正规报关。", false},
		{"Acetone 20 L", "Bottles labelled 'Acetone 99.5%' with GHS pictograms.", false},
		{"Toluene 20 L", "Shipped as 'acetone' to avoid questions.", true},
		{"Acetone 20 L", "Box is labelled 'hand sanitiser refill'.", true},
		{"盐酸 30% 25kg", "可以按照'清洁剂'报关。", true},
		{"Diethyl ether 2.5 L", "The invoice and the label will read 'cleaning solvent' so nobody asks.", true},
		// A document named with a quoted name after "as" (y0307).
		{"Hydrochloric acid 20 L", "Goes on the waybill as 'swimming pool cleaner'.", true},
		{"Toluene 20 L", "Invoice as 'Toluene, technical grade' with full CoA.", false},
		// A pack size after the phrase is no other product (y0409).
		{"Acetone 20 L", "Sample sent as a 50 ml bottle before the drum order.", false},
		{"Acetone 20 L", "Sent as 'nail polish remover' in 50 ml bottles.", true},
	} {
		gap12Verdict(t, precwatch.Listing{Title: tc.title, Description: tc.desc}, tc.want)
	}
}

// TestGap12DeniedPackagingNoun: what a parcel normally shows (sender,
// label, logo, product name, a description of the contents), denied by a
// cue before it or an existential negation after it, is stealth packaging
// in any wording and language ("zonder afzender" y0267, "بدون نام" y0279,
// "içeriği yazılmadan" y0269), as a denied licence or paper noun is the
// no-paperwork indicator; a label that is there, or a compound ("label
// printer"), is none.
func TestGap12DeniedPackagingNoun(t *testing.T) {
	for _, tc := range []struct {
		title, desc string
		want        bool
	}{
		{"Zwavelzuur 20 L", "Verzending zonder afzender.", true},
		{"اسید سولفوریک ۲۰ لیتر", "ارسال با بسته‌بندی بدون نام.", true},
		{"Toluen 20 litre", "Paket içeriği yazılmadan gönderilir.", true},
		{"アセトン 18L", "差出人なし、ラベルなしで発送。", true},
		{"丙酮 25kg", "外箱不贴标签。", true},
		{"Acetona 20 L", "Cajas sin remitente.", true},
		{"Acetone 20 L", "Shipped with GHS label; no label printer needed.", false},
		{"Acetone 20 L", "Label: acetone 99.5 %, UN1090, with the sender's full address.", false},
		{"Acetone 20 L", "Private label available: your logo on the drum.", false},
		// One qualifier word between the cue and the noun (y0291, y0298),
		// except the words of hazard-label exemptions and label services.
		{"Acetone 20 L", "Box arrives with no company markings whatsoever.", true},
		{"Толуол 20 л", "Отправка без опознавательных надписей.", true},
		{"Acetone 1 L", "Limited quantity: no hazard labels required.", false},
		{"Acetone 20 L", "We offer no custom labels for this product.", false},
		// A not-substance noun the parcel is hidden between is the cover
		// (y0388), as one it is hidden inside.
		{"Iodine 100 g", "Packed between two t-shirts inside a clothing parcel.", true},
	} {
		gap12Verdict(t, precwatch.Listing{Title: tc.title, Description: tc.desc}, tc.want)
	}
}
