package matchers

import "testing"

// The seventy-eighth held-out set (testdata/heldout78) holds marketplace
// listings, pharmacy pages and news items in about 35 rarely seen languages
// (Belarusian, Malayalam, Kannada, Odia, Assamese, Sindhi, Uyghur, Tatar,
// Bashkir, Chuvash, Tibetan, Dhivehi, Luxembourgish, Faroese, West Frisian,
// Breton, Oromo, Kinyarwanda, Chichewa, Shona, Sesotho, Lingala, Wolof,
// Javanese, Sundanese, Maori, Samoan, Tongan, Tok Pisin, Papiamento,
// Esperanto, Latvian, Estonian, Slovene, Dari), written without reading the
// matcher. See testdata/heldout78/README.md.
const heldout78Path = "../testdata/heldout78/listings.jsonl"

// heldout78KnownGaps are listings of the seventy-eighth held-out set the
// matcher gets wrong for a reason not fixed yet; they are measured and
// listed but left out of the assertion.
var heldout78KnownGaps = map[string]string{}

// TestHeldout78 measures the matcher on the seventy-eighth held-out set.
func TestHeldout78(t *testing.T) {
	measureLabelledSet(t, "held-out-78", readLabelledSet(t, heldout78Path), heldout78KnownGaps, 0.97)
}
