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
