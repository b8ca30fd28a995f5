package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// The gap tests of round fix63 (held-out 63: the everyday retail and hobby
// trade, where honest sellers write indicator-like phrases). Each case
// reuses runGap56: a listing, the verdict, and (unless nil) the unnegated
// substance IDs in order. See WATCHLIST-NOTES.md § 64.

// TestGap63DiscreetBilling: "discreet billing" (the card statement shows
// another name) is about the bank statement, not the parcel (yu0001); the
// same seller's "discreet packaging" stays stealth packaging.
func TestGap63DiscreetBilling(t *testing.T) {
	runGap56(t, []gap56Case{
		{"billing", precwatch.Listing{Title: "Acetone nail polish remover 16 oz",
			Description: "Salon-strength acetone. Buying as a gift? We offer discreet billing for surprises – the card statement shows 'ND Online'."}, false, []string{"acetone"}},
		{"billed", precwatch.Listing{Title: "Toluene 1 L paint thinner", Description: "Discreetly billed: your statement shows 'HW Store'."}, false, []string{"toluene"}},
		{"packaging twin", precwatch.Listing{Title: "Acetone nail polish remover 16 oz",
			Description: "Salon-strength acetone. We offer discreet packaging for surprises."}, true, []string{"acetone"}},
		{"billing and shipping twin", precwatch.Listing{Title: "Acetone 1 L",
			Description: "Discreet billing and discreet shipping on every order."}, true, []string{"acetone"}},
	})
}

// TestGap63Viber: Viber is not one of the policy's messengers (Wickr,
// Telegram, Threema, Signal, WhatsApp), as LINE, Zalo and KakaoTalk are not
// (§ 54): "orders only via Viber" on a Table II listing is no indicator
// (yu0052); Viber beside Telegram or WhatsApp keeps theirs.
func TestGap63Viber(t *testing.T) {
	runGap56(t, []gap56Case{
		{"el viber", precwatch.Listing{Title: "Υδροχλωρικό οξύ 1 L – καθαριστικό αλάτων",
			Description: "Υδροχλωρικό οξύ (σπίρτο του άλατος) για καθαρισμό αλάτων. Παραγγελίες μόνο μέσω Viber."}, false, []string{"hydrochloric-acid"}},
		{"en viber number", precwatch.Listing{Title: "Toluene 5 L", Description: "Viber: +359 88 555 0101"}, false, []string{"toluene"}},
		{"ru вайбер", precwatch.Listing{Title: "Ацетон 10 л", Description: "Заказы только через вайбер."}, false, []string{"acetone"}},
		{"viber handle", precwatch.Listing{Title: "Acetone 5 L", Description: "Contact Viber @acetone_bg"}, false, []string{"acetone"}},
		{"viber or telegram twin", precwatch.Listing{Title: "Toluene 5 L", Description: "Kontakt Viber ili Telegram."}, true, []string{"toluene"}},
		{"viber or whatsapp twin", precwatch.Listing{Title: "Acetone 5 L", Description: "Javite se na Viber ili WhatsApp 064 555 0193."}, true, []string{"acetone"}},
	})
}

// TestGap63PortugueseNo: Portuguese "no" is "in the", not "no": "chame no
// WhatsApp" (message us on WhatsApp, yu0036) is a messenger contact; an
// English "no WhatsApp, e-mail only" still denies it.
func TestGap63PortugueseNo(t *testing.T) {
	runGap56(t, []gap56Case{
		{"pt chame no", precwatch.Listing{Title: "Ácido muriático 5 L – limpeza pós-obra",
			Description: "Atacado para construtoras: chame no WhatsApp (11) 9 8877-0000 para orçamento."}, true, []string{"hydrochloric-acid"}},
		{"pt fale no", precwatch.Listing{Title: "Acetona 5 L", Description: "Fale no Telegram para pedidos."}, true, []string{"acetone"}},
		{"pt pedidos no", precwatch.Listing{Title: "Tolueno 5 L", Description: "Pedidos no WhatsApp."}, true, []string{"toluene"}},
		{"en no whatsapp twin", precwatch.Listing{Title: "Acetone 5 L", Description: "Orders by e-mail, no WhatsApp."}, false, []string{"acetone"}},
		{"es no telegram twin", precwatch.Listing{Title: "Acetona 5 L", Description: "Pedidos por correo, no Telegram."}, false, []string{"acetone"}},
	})
}

// TestGap63EphedraAlkaloids: an extract sold by its "ephedra alkaloids"
// states its ephedrine-alkaloid content as "ephedrine alkaloids" does
// (heldout6 s0170; yu0030); the herb and its tea name no ephedrine (r0254,
// zy0010, yu0031) and "ephedra alkaloid-free" negates it.
func TestGap63EphedraAlkaloids(t *testing.T) {
	runGap56(t, []gap56Case{
		{"capsules", precwatch.Listing{Title: "Ephedra extract capsules 60 ct – the real stuff",
			Description: "Full-strength ephedra alkaloids. Discreet shipping, no prescription, we still ship to the USA despite the ban."}, true, []string{"ephedrine"}},
		{"herb twin", precwatch.Listing{Title: "Ma huang (Ephedra sinica) dried herb 100 g",
			Description: "Traditional Chinese herb, cut stems. Discreet shipping."}, false, []string{}},
		{"free twin", precwatch.Listing{Title: "Thermo burner 60 caps",
			Description: "Ephedra alkaloid-free formula. Discreet shipping, no prescription."}, false, []string{}},
	})
}

// TestGap63Reports: pages that name a Table I chemical and quote indicator
// words without offering it: a forum answer "nobody here sells it"
// (yu0014), Portuguese news "segundo a agência … foram notificadas"
// (yu0063), a German notice "Drogenausgangsstoff der Kategorie 2 …
// Händler müssen … melden" (yu0095). Twins: a priced offer with a boast
// "nobody sells cheaper", a German seller with "bitte melden".
func TestGap63Reports(t *testing.T) {
	runGap56(t, []gap56Case{
		{"en forum", precwatch.Listing{Title: "Is potassium permanganate safe for plant dips?",
			Description: "Q: My LFS sells a 'PP dip'. Is potassium permanganate safe for Java fern? A: Yes at a light pink solution for 10 minutes, then rinse. Never dose it in the display tank. Nobody here sells it – buy from a pharmacy or aquarium shop."}, false, []string{"potassium-permanganate"}},
		{"pt news", precwatch.Listing{Title: "Anvisa alerta para venda de permanganato de potássio em marketplaces",
			Description: "Segundo a agência, vendedores anunciavam permanganato de potássio com contato por WhatsApp e entrega 'sem nota'. As plataformas foram notificadas."}, false, []string{"potassium-permanganate"}},
		{"de notice", precwatch.Listing{Title: "Hinweis: Abgabe von Kaliumpermanganat an Privatkunden",
			Description: "Kaliumpermanganat ist ein Drogenausgangsstoff der Kategorie 2. Händler müssen ungewöhnliche Bestellungen – etwa mit der Bitte um 'neutrale Verpackung' oder Kontakt über Telegram – melden."}, false, []string{"potassium-permanganate"}},
		{"en boast twin", precwatch.Listing{Title: "Potassium permanganate 1 kg", Description: "Nobody here sells it cheaper! Telegram @pp_shop", Price: "$12"}, true, []string{"potassium-permanganate"}},
		{"de category seller twin", precwatch.Listing{Title: "Kaliumpermanganat 1 kg",
			Description: "Kaliumpermanganat ist ein Drogenausgangsstoff der Kategorie 2 – Abgabe nur mit Endverbleibserklärung.", Price: "19 €"}, true, []string{"potassium-permanganate"}},
		{"de seller twin", precwatch.Listing{Title: "Kaliumpermanganat 1 kg", Description: "Neutrale Verpackung, Kontakt über Telegram – bitte melden.", Price: "19 €"}, true, []string{"potassium-permanganate"}},
	})
}
