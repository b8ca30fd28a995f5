package index

import (
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"

	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/token/porter"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/mapping"
)

// mappingVersion names the mapping and the document layout below. Change it
// whenever either changes: Open then rebuilds every shard built with another
// version from its stored documents instead of mixing the two.
// It is a variable only so that tests can simulate an upgrade.
var mappingVersion = "11"

// Analyzers. Each listing's title and description are analysed once, by the
// analyzer of their language (detected from the script), into title_<lang>
// and description_<lang>; all of them fold accents and case, so "Éphédrine"
// and "EPHEDRINE" meet "ephedrine":
//   - pw_en: bleve's en analyzer (possessives, stop words, Porter stemmer)
//     with an ASCII-folding token filter (pw_fold): "drums" finds "drum";
//   - pw_ru: bleve's ru analyzer (stop words, Snowball stemmer) with ASCII
//     folding: "эфедрина" finds "эфедрин";
//   - pw_cjk (also the normalised text analyzer): bleve's cjk analyzer
//     (unicode tokenizer, width folding, lowercase, CJK bigrams) with ASCII
//     folding: "麻黄碱" is the bigrams 麻黄 黄碱, full-width "５４４９" is 5449.
const (
	analyzerEN   = "pw_en"
	analyzerRU   = "pw_ru"
	analyzerCJK  = "pw_cjk"
	textAnalyzer = analyzerCJK
)

// Field names. They are the names users write in query strings.
const (
	fTitle         = "title"       // query alias of title_en, title_ru, title_cjk
	fDescription   = "description" // query alias of description_en, _ru, _cjk
	fText          = "text"        // normalised: substance names/ids/CAS, seller, location
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
	fSource        = "_src"    // stored only: the rest of the document, JSON
	fSample        = "_sample" // keyword, not queryable: the sample bucket, "000".."255"
	fPacked        = "_kw"     // the terms of packedFields, "cas=5449-12-7", "lang=ru", …
)

// packedFields are keyword fields that nothing facets or sorts on: their
// terms are indexed in one field, fPacked, as "field=value" ("cas=5449-12-7",
// "suspicious=T"), which costs bleve one field instead of eight per
// document. Queries name them as before; pack rewrites every query on them.
var packedFields = map[string]bool{
	fCAS: true, fSubstanceName: true, fTarget: true, fObservable: true,
	fURL: true, fLang: true, fSample: true, fSuspicious: true,
}

// packedTerm is the term of value of a packed field in fPacked.
func packedTerm(field, value string) string { return field + "=" + value }

// sampleBuckets is the number of sample buckets documents are spread over.
const sampleBuckets = 256

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
	fSeller, fLocation, fIndicator, fObservable, fURL, fListingID, fLang,
	fScore, fFirstSeen, fLastSeen}

// internalKeywordFields are keyword fields queries cannot name.
var internalKeywordFields = []string{fSample}

// Score and dates are keywords of a fixed width, which sort and compare as
// strings in the same order as their values. A bleve numeric or date field
// indexes 16 terms per value (one per precision step); these index one, which
// made indexing a third faster. Range queries on them (score:>0.8,
// first_seen:>"2026-11-01") are rewritten to term ranges.
func encodeScore(f float64) string {
	f = max(0, min(f, 9999.9999))
	return fmt.Sprintf("%09.4f", f)
}

func encodeTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05Z") }

// facetable fields carry doc values (facets and sorting read them); the rest
// do not, which keeps the index smaller and indexing faster.
var docValueFields = map[string]bool{
	fSubstance: true, fList: true, fPlatform: true, fSeller: true, fLocation: true, fIndicator: true,
	fScore: true, fFirstSeen: true, fLastSeen: true, fListingID: true,
}

// queryFields are the fields a query string may name (besides _id).
var queryFields = map[string]bool{fTitle: true, fDescription: true, fText: true, fSuspicious: true}

// langs are the languages of title and description, and their analyzers.
var langs = []struct{ lang, analyzer string }{{langEN, analyzerEN}, {langRU, analyzerRU}, {langCJK, analyzerCJK}}

// langFields maps title and description to their per-language fields.
var langFields = func() map[string][]string {
	m := map[string][]string{}
	for _, base := range []string{fTitle, fDescription} {
		for _, l := range langs {
			m[base] = append(m[base], base+"_"+l.lang)
		}
	}
	return m
}()

func init() {
	for _, f := range keywordFields {
		queryFields[f] = true
	}
	for _, fs := range langFields {
		for _, f := range fs {
			queryFields[f] = true
		}
	}
}

// defaultFields are searched by a query-string term that names no field.
var defaultFields = append(append(slices.Clone(langFields[fTitle]), langFields[fDescription]...), fText)

// storedTextFields are the stored title and description fields.
var storedTextFields = append(slices.Clone(langFields[fTitle]), langFields[fDescription]...)

// baseField maps title_ru to title, description_cjk to description.
func baseField(f string) string {
	if i := strings.LastIndexByte(f, '_'); i > 0 && (f[:i] == fTitle || f[:i] == fDescription) {
		return f[:i]
	}
	return f
}

// newMapping returns the explicit index mapping. Documents are built by
// buildDocument, field by field, with the same analyzers; the mapping is what
// bleve uses to analyse query strings and what it stores with each shard.
func newMapping() (*mapping.IndexMappingImpl, error) {
	im := mapping.NewIndexMapping()
	for name, filters := range map[string][]any{
		analyzerEN:  {foldName, en.PossessiveName, lowercase.Name, en.StopName, porter.Name},
		analyzerRU:  {foldName, lowercase.Name, ru.StopName, ru.SnowballStemmerName},
		analyzerCJK: {cjk.WidthName, foldName, lowercase.Name, cjk.BigramName},
	} {
		err := im.AddCustomAnalyzer(name, map[string]any{
			"type":          custom.Name,
			"tokenizer":     unicodetok.Name,
			"token_filters": filters,
		})
		if err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", name, err)
		}
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
	for _, l := range langs {
		text(fTitle+"_"+l.lang, l.analyzer, true, true)
		text(fDescription+"_"+l.lang, l.analyzer, true, true)
	}
	text(fText, textAnalyzer, false, false)
	for _, f := range append(slices.Clone(keywordFields), internalKeywordFields...) {
		if packedFields[f] {
			continue
		}
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
	kw := mapping.NewKeywordFieldMapping()
	kw.Name, kw.Analyzer, kw.Store, kw.IncludeInAll, kw.DocValues, kw.SkipFreqNorm = fPacked, keyword.Name, false, false, false, true
	dm.AddFieldMappingsAt(fPacked, kw)
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
