package index

import (
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/lang/cjk"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/ru"
	"github.com/blevesearch/bleve/v2/document"
	"github.com/blevesearch/bleve/v2/mapping"
	bindex "github.com/blevesearch/bleve_index_api"

	"github.com/precwatch/precwatch"
)

// doc is one indexed listing: what is searchable and what a Hit shows. Title
// and Description are stored as their own fields (the highlighter reads them);
// everything else is stored once as JSON in _src, so a shard can be rebuilt
// from its stored documents when the mapping changes.
type doc struct {
	ID          string         `json:"-"`
	Title       string         `json:"-"`
	Description string         `json:"-"`
	ListingID   string         `json:"listing_id"`
	URL         string         `json:"url,omitempty"`
	Platform    string         `json:"platform"`
	Target      string         `json:"target,omitempty"`
	Seller      string         `json:"seller,omitempty"`
	Location    string         `json:"location,omitempty"`
	Price       string         `json:"price,omitempty"`
	Substances  []docSubstance `json:"substances"`
	CAS         []string       `json:"cas,omitempty"` // every CAS number: parents and those found in the text
	Indicators  []string       `json:"indicators,omitempty"`
	Observables []string       `json:"observables,omitempty"` // "type:value"
	Score       float64        `json:"score"`
	Suspicious  bool           `json:"suspicious,omitempty"`
	FirstSeen   time.Time      `json:"first_seen"`
	LastSeen    time.Time      `json:"last_seen"`
	ContentHash string         `json:"content_hash,omitempty"`
}

type docSubstance struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
	CAS  string `json:"cas,omitempty"`
	List string `json:"list,omitempty"`
}

// docID is the document id of a listing.
func docID(platform, listingID string) string { return platform + "/" + listingID }

// newDoc converts a matcher result to a doc. It reports false when the
// listing offers no substance (every mention negated): such a listing is not
// a hit and does not belong in the index.
func newDoc(r *precwatch.Result) (*doc, bool) {
	l := &r.Listing
	d := &doc{
		ID: docID(l.Platform, l.ID), Title: l.Title, Description: l.Description,
		ListingID: l.ID, URL: l.URL, Platform: l.Platform, Target: l.Target,
		Seller: l.Seller, Location: l.Location, Price: l.Price,
		Score: r.Match.Score, Suspicious: r.Match.Suspicious, ContentHash: l.ContentHash,
	}
	for _, s := range r.Match.Substances {
		if s.Negated {
			continue
		}
		d.Substances = append(d.Substances, docSubstance{ID: s.ID, Name: s.Name, CAS: s.CAS, List: s.List})
		if s.CAS != "" {
			d.CAS = appendUnique(d.CAS, s.CAS)
		}
		for _, h := range s.Hits {
			if h.Kind == precwatch.HitCAS && h.Term != "" {
				d.CAS = appendUnique(d.CAS, h.Term)
			}
		}
	}
	if len(d.Substances) == 0 {
		return nil, false
	}
	for _, in := range r.Match.Indicators {
		d.Indicators = appendUnique(d.Indicators, in.ID)
	}
	for _, o := range r.Match.Observables {
		d.Observables = appendUnique(d.Observables, o.Type+":"+o.Value)
	}
	return d, true
}

func appendUnique(xs []string, s string) []string {
	if slices.Contains(xs, s) {
		return xs
	}
	return append(xs, s)
}

// lists returns the distinct lists of d's substances.
func (d *doc) lists() []string {
	var out []string
	for _, s := range d.Substances {
		if s.List != "" {
			out = appendUnique(out, s.List)
		}
	}
	return out
}

// builder turns docs into bleve documents with the analyzers of the mapping.
// Building documents directly (IndexAdvanced) skips bleve's reflection over
// a Go value, which is a large part of the cost of indexing.
type builder struct {
	text, en, ru, cjk analysis.Analyzer
}

func newBuilder(m *mapping.IndexMappingImpl) (*builder, error) {
	b := &builder{}
	for _, a := range []struct {
		name string
		dst  *analysis.Analyzer
	}{{textAnalyzer, &b.text}, {en.AnalyzerName, &b.en}, {ru.AnalyzerName, &b.ru}, {cjk.AnalyzerName, &b.cjk}} {
		*a.dst = m.AnalyzerNamed(a.name)
		if *a.dst == nil {
			return nil, fmt.Errorf("analyzer %s not found", a.name)
		}
	}
	return b, nil
}

const (
	optText    = bindex.IndexField
	optStored  = bindex.IndexField | bindex.StoreField | bindex.IncludeTermVectors
	optKeyword = bindex.IndexField | bindex.SkipFreqNorm
	optFacet   = bindex.IndexField | bindex.SkipFreqNorm | bindex.DocValues
	optSource  = bindex.StoreField
)

// omitField lets a test build documents the way an older mapping did.
var omitField func(name string) bool

func (b *builder) document(d *doc) (*document.Document, error) {
	bd := document.NewDocument(d.ID)
	add := func(f document.Field) {
		if omitField != nil && omitField(f.Name()) {
			return
		}
		bd.AddField(f)
	}
	addText := func(name string, pos uint64, value string, opts bindex.FieldIndexingOptions, a analysis.Analyzer) {
		if value == "" {
			return
		}
		add(document.NewTextFieldCustom(name, []uint64{pos}, []byte(value), opts, a))
	}
	addKeywords := func(name string, values ...string) {
		opts := optKeyword
		if docValueFields[name] {
			opts = optFacet
		}
		for i, v := range values {
			if v != "" {
				// A nil analyzer makes the whole value one term: a keyword.
				add(document.NewTextFieldCustom(name, []uint64{uint64(i)}, []byte(v), opts, nil))
			}
		}
	}
	addText(fTitle, 0, d.Title, optStored, b.text)
	addText(fDescription, 0, d.Description, optStored, b.text)
	lang := detectLang(d.Title, d.Description)
	langField, langAnalyzer := fTextEN, b.en
	switch lang {
	case langRU:
		langField, langAnalyzer = fTextRU, b.ru
	case langCJK:
		langField, langAnalyzer = fTextCJK, b.cjk
	}
	addText(langField, 0, d.Title, optText, langAnalyzer)
	addText(langField, 1, d.Description, optText, langAnalyzer)
	addKeywords(fLang, lang)

	var pos uint64
	textValue := func(v string) {
		addText(fText, pos, v, optText, b.text)
		pos++
	}
	ids := make([]string, 0, len(d.Substances))
	names := make([]string, 0, len(d.Substances))
	for _, s := range d.Substances {
		ids = append(ids, s.ID)
		names = appendUnique(names, s.Name)
		textValue(s.ID)
		textValue(s.Name)
	}
	for _, c := range d.CAS {
		textValue(c)
	}
	textValue(d.Seller)
	textValue(d.Location)

	addKeywords(fSubstance, ids...)
	addKeywords(fSubstanceName, names...)
	addKeywords(fCAS, d.CAS...)
	addKeywords(fList, d.lists()...)
	addKeywords(fPlatform, d.Platform)
	addKeywords(fTarget, d.Target)
	addKeywords(fSeller, d.Seller)
	addKeywords(fLocation, d.Location)
	addKeywords(fIndicator, d.Indicators...)
	obs := make([]string, 0, 2*len(d.Observables))
	for _, o := range d.Observables {
		obs = append(obs, o)
		if _, v, ok := cutColon(o); ok {
			obs = append(obs, v)
		}
	}
	addKeywords(fObservable, obs...)
	addKeywords(fURL, d.URL)
	addKeywords(fListingID, d.ListingID)

	add(document.NewNumericFieldWithIndexingOptions(fScore, nil, d.Score, optFacet))
	add(document.NewBooleanFieldWithIndexingOptions(fSuspicious, nil, d.Suspicious, optText))
	for _, f := range []struct {
		name string
		t    time.Time
	}{{fFirstSeen, d.FirstSeen}, {fLastSeen, d.LastSeen}} {
		df, err := document.NewDateTimeFieldWithIndexingOptions(f.name, nil, f.t, time.RFC3339Nano, optFacet)
		if err != nil {
			return nil, fmt.Errorf("document %s: %s: %w", d.ID, f.name, err)
		}
		add(df)
	}
	src, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("document %s: encode: %w", d.ID, err)
	}
	add(document.NewTextFieldWithIndexingOptions(fSource, nil, src, optSource))
	return bd, nil
}

func cutColon(s string) (before, after string, ok bool) {
	for i := 0; i < len(s); i++ {
		if s[i] == ':' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}

// decodeDoc rebuilds a doc from its stored fields.
func decodeDoc(id string, fields map[string]any) (*doc, error) {
	src, ok := fields[fSource].(string)
	if !ok {
		return nil, fmt.Errorf("document %s has no stored %s field", id, fSource)
	}
	d := &doc{ID: id}
	if err := json.Unmarshal([]byte(src), d); err != nil {
		return nil, fmt.Errorf("document %s: decode %s: %w", id, fSource, err)
	}
	d.Title, _ = fields[fTitle].(string)
	d.Description, _ = fields[fDescription].(string)
	return d, nil
}
