package index

import (
	"fmt"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingVersion names the mapping and the document layout below. Change it
// whenever either changes: Open then rebuilds every shard built with another
// version from its stored documents instead of mixing the two.
// It is a variable only so that tests can simulate an upgrade.
var mappingVersion = "3"

// textAnalyzer is the normalised analyzer of the title, description and text
// fields: bleve's cjk analyzer chain (unicode tokenizer, width folding,
// lowercase, CJK bigrams) behind an ASCII-folding character filter, so that
// "Éphédrine", "EPHEDRINE", full-width "５４４９" and "麻黄碱" all meet the
// query on the same terms.
const textAnalyzer = "pw_text"

// Field names. They are the names users write in query strings.
const (
	fTitle         = "title"       // normalised, stored, term vectors (highlights)
	fDescription   = "description" // normalised, stored, term vectors (highlights)
	fText          = "text"        // normalised: substance names/ids/CAS, seller, location
	fTextEN        = "text_en"     // title+description of Latin-script listings, en analyzer
	fTextRU        = "text_ru"     // ... Cyrillic-script listings, ru analyzer
	fTextCJK       = "text_cjk"    // ... CJK-script listings, cjk analyzer
	fLang          = "lang"        // en | ru | cjk
	fCAS           = "cas"
	fSubstance     = "substance"
	fSubstanceName = "substance_name"
	fList          = "list"
	fPlatform      = "platform"
	fTarget        = "target"
	fSeller        = "seller"
	fLocation      = "location"
	fIndicator     = "indicator"
	fObservable    = "observable"
	fURL           = "url"
	fListingID     = "listing_id"
	fScore         = "score"
	fSuspicious    = "suspicious"
	fFirstSeen     = "first_seen"
	fLastSeen      = "last_seen"
	fSource        = "_src" // stored only: the rest of the document, JSON
)

// FacetFields are the fields Search facets on when Query.Facets is set, and
// the keys of Results.Facets.
var FacetFields = []string{fSubstance, fList, fPlatform, fSeller, fLocation, fIndicator}

// filterFields are the fields Query.Filters may name.
var filterFields = map[string]bool{
	fSubstance: true, fList: true, fPlatform: true, fSeller: true, fLocation: true,
	fIndicator: true, fCAS: true, fTarget: true, fLang: true, fObservable: true,
	fSubstanceName: true, fSuspicious: true,
}

// keywordFields are indexed as one exact, case-sensitive term per value.
var keywordFields = []string{fCAS, fSubstance, fSubstanceName, fList, fPlatform, fTarget,
	fSeller, fLocation, fIndicator, fObservable, fURL, fListingID, fLang}

// facetable fields carry doc values (facets and sorting read them); the rest
// do not, which keeps the index smaller and indexing faster.
var docValueFields = map[string]bool{
	fSubstance: true, fList: true, fPlatform: true, fSeller: true, fLocation: true, fIndicator: true,
	fScore: true, fFirstSeen: true, fLastSeen: true,
}

// queryFields are the fields a query string may name (besides _id).
var queryFields = map[string]bool{
	fTitle: true, fDescription: true, fText: true, fTextEN: true, fTextRU: true, fTextCJK: true,
	fScore: true, fSuspicious: true, fFirstSeen: true, fLastSeen: true,
}

func init() {
	for _, f := range keywordFields {
		queryFields[f] = true
	}
}

// defaultFields are searched by a query-string term that names no field.
var defaultFields = []string{fTitle, fDescription, fText, fTextEN, fTextRU, fTextCJK}

// newMapping returns the explicit index mapping. Documents are built by
// buildDocument, field by field, with the same analyzers; the mapping is what
// bleve uses to analyse query strings and what it stores with each shard.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	err := im.AddCustomAnalyzer(textAnalyzer, map[string]any{
		"type":          custom.Name,
		"char_filters":  []any{asciifolding.Name},
		"tokenizer":     unicodetok.Name,
		"token_filters": []any{cjk.WidthName, lowercase.Name, cjk.BigramName},
	})
	if err != nil {
		return nil, fmt.Errorf("analyzer %s: %w", textAnalyzer, err)
	}
	im.DefaultAnalyzer = textAnalyzer
	im.DefaultField = fText
	im.IndexDynamic = false
	im.StoreDynamic = false
	im.DocValuesDynamic = false

	dm := mapping.NewDocumentStaticMapping()
	text := func(name, analyzer string, store, vectors bool) {
		fm := mapping.NewTextFieldMapping()
		fm.Name = name
		fm.Analyzer = analyzer
		fm.Store = store
		fm.IncludeTermVectors = vectors
		fm.IncludeInAll = false
		fm.DocValues = false
		dm.AddFieldMappingsAt(name, fm)
	}
	text(fTitle, textAnalyzer, true, true)
	text(fDescription, textAnalyzer, true, true)
	text(fText, textAnalyzer, false, false)
	text(fTextEN, en.AnalyzerName, false, false)
	text(fTextRU, ru.AnalyzerName, false, false)
	text(fTextCJK, cjk.AnalyzerName, false, false)
	for _, f := range keywordFields {
		fm := mapping.NewKeywordFieldMapping()
		fm.Name = f
		fm.Analyzer = keyword.Name
		fm.Store = false
		fm.IncludeTermVectors = false
		fm.IncludeInAll = false
		fm.DocValues = docValueFields[f]
		fm.SkipFreqNorm = true
		dm.AddFieldMappingsAt(f, fm)
	}
	score := mapping.NewNumericFieldMapping()
	score.Name, score.Store, score.IncludeInAll, score.DocValues = fScore, false, false, true
	dm.AddFieldMappingsAt(fScore, score)
	for _, f := range []string{fFirstSeen, fLastSeen} {
		fm := mapping.NewDateTimeFieldMapping()
		fm.Name, fm.Store, fm.IncludeInAll, fm.DocValues = f, false, false, true
		dm.AddFieldMappingsAt(f, fm)
	}
	sus := mapping.NewBooleanFieldMapping()
	sus.Name, sus.Store, sus.IncludeInAll, sus.DocValues = fSuspicious, false, false, false
	dm.AddFieldMappingsAt(fSuspicious, sus)
	src := mapping.NewTextFieldMapping()
	src.Name, src.Index, src.Store, src.IncludeInAll, src.DocValues = fSource, false, true, false, false
	dm.AddFieldMappingsAt(fSource, src)

	im.DefaultMapping = dm
	if err := im.Validate(); err != nil {
		return nil, fmt.Errorf("validate mapping: %w", err)
	}
	return im, nil
}

// Languages of a listing's text, by script.
const (
	langEN  = "en"  // Latin script and anything else: English analyzer
	langRU  = "ru"  // Cyrillic
	langCJK = "cjk" // Han, Hiragana, Katakana, Hangul
)

// detectLang guesses the language of s from the scripts of its letters,
// cheaply: CJK when at least a fifth of the letters are CJK (a Chinese
// listing often carries Latin product names and units), Cyrillic when
// Cyrillic letters outnumber Latin ones, English otherwise.
func detectLang(texts ...string) string {
	var cjkN, cyr, lat, letters int
	for _, s := range texts {
		for _, r := range s {
			switch {
			case r < 0x80:
				if r|0x20 >= 'a' && r|0x20 <= 'z' {
					lat++
					letters++
				}
			case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
				unicode.Is(unicode.Katakana, r) || unicode.Is(unicode.Hangul, r):
				cjkN++
				letters++
			case unicode.Is(unicode.Cyrillic, r):
				cyr++
				letters++
			case unicode.IsLetter(r):
				lat++
				letters++
			}
		}
	}
	switch {
	case cjkN > 0 && cjkN*5 >= letters:
		return langCJK
	case cyr > lat:
		return langRU
	default:
		return langEN
	}
}
