package matchers

import (
	"slices"
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap17BuyerQuestions: a forum post that asks who sells a substance,
// or whether selling it is legal, names it without offering it
// (heldout17 p0024, p0061): "anyone selling", "who sells", "is it legal to
// sell", "not selling, just asking" are report words. A seller's reply with
// a price, or an offer that only mentions a question, stays an offer.
func TestGap17BuyerQuestions(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Is anyone selling piperonal in the UK?", "Need it for a perfume accord. Not selling anything myself.", false},
		{"en", "Who sells safrole these days?", "Just curious, every shop I knew is gone. PM me.", false},
		{"en", "Is it legal to sell acetic anhydride on eBay?", "Not selling, just asking. Does anyone know the rules?", false},
		{"en", "Re: anybody selling phenylacetic acid?", "I am asking for a school project, just asking.", false},
		// Offers keep their verdict.
		{"en", "Re: anyone selling piperonal?", "I have 500 g piperonal, 40 EUR, PM me.", true},
		{"en", "Piperonal 1 kg", "In stock, ships in 2 days. Who sells cheaper? Nobody.", true},
	})
}

// TestGap17NewsChannel: a news repost that ends with its Telegram
// channel's handle ("follow our Telegram channel @…") is a report, not an
// offer, when three or more report words and no offer word stand beside
// the handle (heldout17 p0075). A shop's handle beside fewer report words,
// or beside an offer word, stays an offer's contact.
func TestGap17NewsChannel(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Breaking: 300 kg of safrole seized", "Police seized 300 kg of safrole at the border, officials said. Follow our Telegram channel @crime_wire for more.", false},
		{"en", "Customs seized 2 t of acetic anhydride", "Prosecutors said the acetic anhydride was smuggled as motor oil; two men arrested. Join t.me/newsdesk_example.", false},
		// Offers keep their contact.
		{"en", "Safrole 1 L", "No police problems, no seizure ever. Telegram @saf_shop", true},
		{"en", "Acetic anhydride 2.5 L", "In stock. Seized? We reship. Telegram @aa_shop", true},
	})
}

// TestGap17NewsVietnamese: Vietnamese news words ("bài viết", "tin tức",
// "cảnh báo", "bắt giữ", "thu giữ", "triệt phá") and the police ("cảnh
// sát", an authority noun) make a report (heldout17 p0111).
func TestGap17NewsVietnamese(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"vi", "Tin tức: cảnh sát thu giữ safrole", "Bài viết: cảnh sát thu giữ 200 lít safrole, bắt giữ hai đối tượng. Chia sẻ để cảnh báo mọi người.", false},
		{"vi", "Cảnh báo: triệt phá đường dây buôn bán piperonal", "Cảnh sát triệt phá đường dây buôn bán piperonal qua Telegram.", false},
		// An offer stays one.
		{"vi", "Bán piperonal 1kg", "Piperonal 99%, giá tốt, liên hệ Telegram.", true},
	})
}

// TestGap17Hashtag: a hashtag of an abbreviation ("#bmk", "#pmk") closing
// a post that offers a substance whose name holds that abbreviation (BMK
// ethyl glycidate, PMK ethyl glycidate) tags the post, and is no mention
// of P-2-P or PMK (heldout17 p0064). A hashtag beside no such substance
// keeps its reading.
func TestGap17Hashtag(t *testing.T) {
	m := mustMatcher(t)
	for _, tc := range []struct {
		title, desc string
		cas         string
		want        bool
	}{
		{"BMK ethyl glycidate 41232-97-7", "1 kg bags, tg @x. #bmk #chem", "103-79-7", false},
		{"PMK ethyl glycidate 28578-16-7", "white powder, 5 kg. #pmk #research", "4676-39-5", false},
		{"BMK ethyl glycidate 41232-97-7", "1 kg bags. #bmk", "41232-97-7", true},
		{"BMK oil 1 L, P2P", "liquid, 99%. #bmk", "103-79-7", true},
	} {
		got := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		var cas []string
		for _, s := range got.Substances {
			if !s.Negated {
				cas = append(cas, s.CAS)
			}
		}
		if has := slices.Contains(cas, tc.cas); has != tc.want {
			t.Errorf("title %q desc %q: %s found %v, want %v; substances %v", tc.title, tc.desc, tc.cas, has, tc.want, cas)
		}
	}
}
