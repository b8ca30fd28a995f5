package index

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2/analysis"
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
	analyzers map[string]analysis.Analyzer // by language
	text      analysis.Analyzer
}

func newBuilder(m *mapping.IndexMappingImpl) (*builder, error) {
	b := &builder{analyzers: map[string]analysis.Analyzer{}, text: m.AnalyzerNamed(textAnalyzer)}
	if b.text == nil {
		return nil, fmt.Errorf("analyzer %s not found", textAnalyzer)
	}
	for _, l := range langs {
		a := m.AnalyzerNamed(l.analyzer)
		if a == nil {
			return nil, fmt.Errorf("analyzer %s not found", l.analyzer)
		}
		b.analyzers[l.lang] = a
	}
	return b, nil
}

// Doc values of facet and sort fields are neither compressed nor chunked:
// a search visits them for every hit, and with the default 1,024-document
// snappy chunks each sparse hit decompressed a whole chunk per field. This
// made faceted searches 3-5 times faster and indexing faster too, for 10%
// more bytes per hit (docs/BENCHMARKS-index.md).
const (
	optText    = bindex.IndexField
	optStored  = bindex.IndexField | bindex.StoreField | bindex.IncludeTermVectors
	optKeyword = bindex.IndexField | bindex.SkipFreqNorm
	optFacet   = bindex.IndexField | bindex.SkipFreqNorm | bindex.DocValues | bindex.SkipDVCompression | bindex.SkipDVChunking
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
	addText := func(name string, value string, opts bindex.FieldIndexingOptions, a analysis.Analyzer) {
		if value == "" {
			return
		}
		add(document.NewTextFieldCustom(name, nil, []byte(value), opts, a))
	}
	// Keyword fields: one field instance per field, whatever the number of
	// values (bleve's cost is per field instance more than per term).
	addKeywords := func(name string, values ...string) {
		opts := optKeyword
		if docValueFields[name] {
			opts = optFacet
		}
		var buf []byte
		n := 0
		for _, v := range values {
			if v == "" {
				continue
			}
			if n > 0 {
				buf = append(buf, valueSep)
			}
			buf = appendValue(buf, v)
			n++
		}
		switch n {
		case 0:
		case 1: // a nil analyzer makes the whole value one term
			add(document.NewTextFieldCustom(name, nil, buf, opts, nil))
		default:
			add(document.NewTextFieldCustom(name, nil, buf, opts, valuesAnalyzer{}))
		}
	}
	// The packed fields' terms, "field=value", go to one field.
	var packed []byte
	pack := func(name string, values ...string) {
		if omitField != nil && omitField(name) {
			return
		}
		for _, v := range values {
			if v == "" {
				continue
			}
			if len(packed) > 0 {
				packed = append(packed, valueSep)
			}
			packed = append(packed, name...)
			packed = append(packed, '=')
			packed = appendValue(packed, v)
		}
	}
	// Title and description are analysed once, in their language.
	lang := detectLang(d.Title, d.Description)
	addText(fTitle+"_"+lang, d.Title, optStored, b.analyzers[lang])
	addText(fDescription+"_"+lang, d.Description, optStored, b.analyzers[lang])
	pack(fLang, lang)

	ids := make([]string, 0, len(d.Substances))
	names := make([]string, 0, len(d.Substances))
	var text strings.Builder
	for _, s := range d.Substances {
		ids = append(ids, s.ID)
		names = appendUnique(names, s.Name)
		text.WriteString(s.ID)
		text.WriteString("\n")
		text.WriteString(s.Name)
		text.WriteString("\n")
	}
	for _, c := range d.CAS {
		text.WriteString(c)
		text.WriteString("\n")
	}
	text.WriteString(d.Seller)
	text.WriteString("\n")
	text.WriteString(d.Location)
	addText(fText, text.String(), optText, b.text)

	addKeywords(fSubstance, ids...)
	pack(fSubstanceName, names...)
	pack(fCAS, d.CAS...)
	addKeywords(fList, d.lists()...)
	addKeywords(fPlatform, d.Platform)
	pack(fTarget, d.Target)
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
	pack(fObservable, obs...)
	pack(fURL, d.URL)
	addKeywords(fListingID, d.ListingID)

	addKeywords(fScore, encodeScore(d.Score))
	addKeywords(fFirstSeen, encodeTime(d.FirstSeen))
	addKeywords(fLastSeen, encodeTime(d.LastSeen))
	if d.Suspicious {
		pack(fSuspicious, "T")
	} else {
		pack(fSuspicious, "F")
	}
	src, err := json.Marshal(d)
	if err != nil {
		return nil, fmt.Errorf("document %s: encode: %w", d.ID, err)
	}
	add(document.NewTextFieldWithIndexingOptions(fSource, nil, src, optSource))
	pack(fSample, sampleBucket(d.ID))
	add(document.NewTextFieldCustom(fPacked, nil, packed, optKeyword, valuesAnalyzer{}))
	return bd, nil
}

// valueSep separates the values of a keyword field in the text that
// valuesAnalyzer splits.
const valueSep = 0

// appendValue appends v to buf without the separator byte.
func appendValue(buf []byte, v string) []byte {
	if strings.IndexByte(v, valueSep) < 0 {
		return append(buf, v...)
	}
	for i := 0; i < len(v); i++ {
		if v[i] != valueSep {
			buf = append(buf, v[i])
		}
	}
	return buf
}

// valuesAnalyzer makes each value of a keyword field, separated by valueSep,
// one term.
type valuesAnalyzer struct{}

// Analyze splits input at valueSep.
func (valuesAnalyzer) Analyze(input []byte) analysis.TokenStream {
	ts := make(analysis.TokenStream, 0, bytes.Count(input, []byte{valueSep})+1)
	toks := make([]analysis.Token, cap(ts))
	start := 0
	for i := 0; i <= len(input); i++ {
		if i < len(input) && input[i] != valueSep {
			continue
		}
		t := &toks[len(ts)]
		*t = analysis.Token{Term: input[start:i], Start: start, End: i, Position: len(ts) + 1, Type: analysis.AlphaNumeric}
		ts = append(ts, t)
		start = i + 1
	}
	return ts
}

// sampleBucket is the sample bucket of the document id: "000" to "255", from
// a hash of the id, so that every bucket holds a uniform 1/256 of any set of
// listings (see Search).
func sampleBucket(id string) string {
	// FNV-1a, 32 bits (hash/fnv, without its allocations).
	h := uint32(2166136261)
	for i := 0; i < len(id); i++ {
		h ^= uint32(id[i])
		h *= 16777619
	}
	b := h % sampleBuckets
	return bucketNames[b]
}

// bucketNames are the sample buckets' terms, "000" to "255".
var bucketNames = func() []string {
	out := make([]string, sampleBuckets)
	for i := range out {
		out[i] = fmt.Sprintf("%03d", i)
	}
	return out
}()

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
	for _, l := range langs {
		if t, ok := fields[fTitle+"_"+l.lang].(string); ok {
			d.Title = t
		}
		if t, ok := fields[fDescription+"_"+l.lang].(string); ok {
			d.Description = t
		}
	}
	return d, nil
}
