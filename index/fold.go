package index

import (
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/registry"
)

// foldName is the token filter that folds each term to ASCII ("Éphédrine"
// → "Ephedrine"). Folding tokens rather than the text before tokenising
// keeps every token's byte offsets those of the original text, so that
// highlighted fragments never cut a multi-byte character in half.
const foldName = "pw_fold"

type foldFilter struct{ fold analysis.CharFilter }

// Filter folds the terms of ts in place. ASCII terms (most of them) are
// left as they are: folding would only copy them.
func (f foldFilter) Filter(ts analysis.TokenStream) analysis.TokenStream {
	for _, t := range ts {
		if !isASCII(t.Term) {
			t.Term = f.fold.Filter(t.Term)
		}
	}
	return ts
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func init() {
	registry.RegisterTokenFilter(foldName, func(map[string]any, *registry.Cache) (analysis.TokenFilter, error) {
		return foldFilter{fold: asciifolding.New()}, nil
	})
}
