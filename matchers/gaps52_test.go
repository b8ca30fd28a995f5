package matchers

import "testing"

// Round fix52: the gaps of held-out set 52 (Southeast Asian and Pacific
// marketplaces; see testdata/heldout52/README.md and WATCHLIST-NOTES.md
// § 54).

// TestGap52TagalogSeizureNews: Philippine seizure news in Tagalog
// ("Nasabat ng PDEA ang 1.2 tonelada ng shabu … Nakita rin ang 40 sako ng
// ephedrine", heldout52 zu0008) reports a find: "nasabat" (seized,
// intercepted), "kinumpiska", "sinalakay" (raided) and the arrest verbs are
// the reporter's, and PDEA counts as an authority beside them. A Tagalog
// offer with the same quantities stays an offer, and "PDEA licensed" alone
// makes no report.
func TestGap52TagalogSeizureNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"tl", "PDEA: 1.2 tonelada ng shabu nasabat sa Subic; ephedrine nakita rin", "Nasabat ng PDEA ang 1.2 tonelada ng shabu sa isang bodega sa Subic. Nakita rin ang 40 sako ng ephedrine na idineklara bilang 'tapioca starch'.", false},
		{"tl", "Pseudoephedrine nakumpiska sa Pampanga", "Kinumpiska ng PDEA ang 25 kilo ng pseudoephedrine sa isang bodega; tatlong suspek ang naaresto.", false},
		{"tl", "Sinalakay ang shabu lab sa Batangas", "Sinalakay ng PDEA at pulisya ang isang laboratoryo; nakita ang 200 litro ng acetone at red phosphorus. Dinakip ang dalawang Chinese national.", false},
		{"tl", "Ephedrine 40 sako, benta", "Benta ephedrine 40 sako, 25 kilo bawat isa. PM sa Telegram.", true},
		{"tl", "Pseudoephedrine powder 1 kilo - PDEA licensed daw", "Benta pseudoephedrine powder 1 kilo, may PDEA permit kuno. Message lang.", true},
	})
}

// TestGap52InterceptNews: a customs headline's "intercepts" and the
// officers who intercepted ("NZ Customs intercepts 'ice lab' kit with red
// phosphorus and iodine … declared as 'garden supplies'", heldout52
// zu0016) make a report, and the Pacific border agencies count as
// authorities; a report verb phrase that overlaps an authority's name
// ("Border Force intercepted", "NZ Customs intercepts") counts beside it.
// A seller's "reship if (customs) intercepts" is a condition, no report.
func TestGap52InterceptNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "NZ Customs intercepts 'ice lab' kit with red phosphorus and iodine", "Customs officers at Auckland intercepted a parcel holding red phosphorus, iodine and glassware declared as 'garden supplies'.", false},
		{"en", "Border Force officers intercepted 300 kg of pseudoephedrine", "The Australian Border Force said the pseudoephedrine was declared as 'rice crackers'.", false},
		{"en", "Australian Border Force intercepted 300 kg of pseudoephedrine", "The pseudoephedrine was hidden in rice cookers.", false},
		{"en", "Red phosphorus 100 g", "Declared as 'garden supplies'. Free reship if intercepted.", true},
		{"en", "Pseudoephedrine HCl 1 kg", "Stealth to NZ and Australia, reship if customs intercepts. Wickr only.", true},
	})
}
