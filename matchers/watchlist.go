package matchers

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/precwatch/precwatch"
)

// builtin holds the embedded data files: watchlist.yaml (the built-in
// watchlist) and lexicon.yaml (context and risk-indicator vocabulary). The
// glob keeps the package building while watchlist.yaml is being written.
//
//go:embed *.yaml
var builtin embed.FS

// builtinWatchlist is the name of the embedded watchlist file.
const builtinWatchlist = "watchlist.yaml"

// Substance is one watchlist entry, as written in the watchlist YAML.
type Substance struct {
	ID            string    `yaml:"id"`
	Name          string    `yaml:"name"`
	List          string    `yaml:"list"`
	Immediate     bool      `yaml:"immediate"`
	CAS           string    `yaml:"cas"`
	Related       []Related `yaml:"related"`
	Synonyms      []string  `yaml:"synonyms"`
	Abbreviations []string  `yaml:"abbreviations"`
	TradeNames    []string  `yaml:"trade_names"`
	StreetNames   []string  `yaml:"street_names"`
	Medicines     []string  `yaml:"medicines"`
	// MedicineNamesOnly says that only a name in Medicines makes a finished
	// medicine of the substance, never a dosage form alone: potassium
	// permanganate tablets for well water are the chemical, 高锰酸钾外用片
	// (a registered topical medicine) is a medicine.
	MedicineNamesOnly bool                `yaml:"medicine_names_only"`
	Names             map[string][]string `yaml:"names"`
	Ambiguous         []Ambiguous         `yaml:"ambiguous"`
	Notes             string              `yaml:"notes"`
	Source            StringList          `yaml:"source"`
	Confidence        string              `yaml:"confidence"`
}

// Related is a salt, isomer, ester, hydrate or other form with its own CAS
// number; a hit on it counts as a hit on the parent substance.
type Related struct {
	CAS   string `yaml:"cas"`
	Label string `yaml:"label"`
	Kind  string `yaml:"kind"`
}

// Ambiguous is a term that counts only with chemical context nearby (one of
// Context, or the general chemical vocabulary) and none of Block.
type Ambiguous struct {
	Term    string   `yaml:"term"`
	Context []string `yaml:"context"`
	Block   []string `yaml:"block"`
}

// StringList is a YAML string or list of strings.
type StringList []string

// UnmarshalYAML accepts a scalar or a sequence of scalars.
func (s *StringList) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode {
		*s = StringList{n.Value}
		return nil
	}
	var l []string
	if err := n.Decode(&l); err != nil {
		return err
	}
	*s = l
	return nil
}

// Watchlist is a set of substances keyed by id. It is immutable once loaded
// and safe for concurrent use.
type Watchlist struct {
	subs []*Substance
	byID map[string]*Substance
}

// Len returns the number of substances.
func (w *Watchlist) Len() int { return len(w.subs) }

// Substances returns the substances in load order (built-in first, then the
// new ids of each extra file).
func (w *Watchlist) Substances() []*Substance { return w.subs }

// Substance returns the substance with the given id.
func (w *Watchlist) Substance(id string) (*Substance, bool) {
	s, ok := w.byID[id]
	return s, ok
}

// LoadWatchlist returns the built-in watchlist with extraFiles (same schema)
// merged over it in order: a substance whose id is already present replaces
// it. A bad file is an error "file:line: field: message".
func LoadWatchlist(extraFiles ...string) (*Watchlist, error) {
	w := &Watchlist{byID: map[string]*Substance{}}
	data, err := builtin.ReadFile(builtinWatchlist)
	switch {
	case err == nil:
		subs, err := ParseWatchlist(builtinWatchlist, data)
		if err != nil {
			return nil, err
		}
		w.merge(subs)
	case errors.Is(err, fs.ErrNotExist):
		// Built without the data file: extra files only.
	default:
		return nil, fmt.Errorf("read built-in watchlist: %w", err)
	}
	for _, f := range extraFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("read watchlist: %w", err)
		}
		subs, err := ParseWatchlist(f, data)
		if err != nil {
			return nil, err
		}
		w.merge(subs)
	}
	return w, nil
}

// NewWatchlist returns a watchlist of exactly the given substances (no
// built-in list); later entries replace earlier ones with the same id.
func NewWatchlist(subs ...*Substance) *Watchlist {
	w := &Watchlist{byID: map[string]*Substance{}}
	w.merge(subs)
	return w
}

func (w *Watchlist) merge(subs []*Substance) {
	for _, s := range subs {
		if old, ok := w.byID[s.ID]; ok {
			for i := range w.subs {
				if w.subs[i] == old {
					w.subs[i] = s
				}
			}
		} else {
			w.subs = append(w.subs, s)
		}
		w.byID[s.ID] = s
	}
}

var (
	idRE  = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	casRE = regexp.MustCompile(`^[0-9]{2,7}-[0-9]{2}-[0-9]$`)
)

var knownLists = map[string]bool{precwatch.ListTableI: true, precwatch.ListTableII: true,
	precwatch.ListSurveillance: true, precwatch.ListDesigner: true}

var knownKinds = map[string]bool{"salt": true, "isomer": true, "ester": true, "hydrate": true,
	"acid": true, "base": true, "other": true}

// fieldsOf lists the YAML keys of the schema, for strict decoding.
var (
	substanceKeys = keySet("id name list immediate cas related synonyms abbreviations trade_names street_names medicines medicine_names_only names ambiguous notes source confidence")
	relatedKeys   = keySet("cas label kind")
	ambiguousKeys = keySet("term context block")
	topKeys       = keySet("version substances")
)

func keySet(s string) map[string]bool {
	m := map[string]bool{}
	for _, k := range strings.Fields(s) {
		m[k] = true
	}
	return m
}

// yamlLineRE reads the line out of a YAML error message.
var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// posError is a watchlist problem at a line.
func posError(file string, n *yaml.Node, field, format string, args ...any) error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return fmt.Errorf("%s:%d: %s: %s", file, line, field, fmt.Sprintf(format, args...))
}

// checkKeys reports the first key of mapping n not in known.
func checkKeys(file string, n *yaml.Node, known map[string]bool, where string) error {
	if n.Kind != yaml.MappingNode {
		return posError(file, n, where, "want a mapping")
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k := n.Content[i]
		if !known[k.Value] {
			return posError(file, k, where+k.Value, "unknown field")
		}
	}
	return nil
}

func valueNode(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i+1]
		}
	}
	return nil
}

func keyNode(n *yaml.Node, key string) *yaml.Node {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return n.Content[i]
		}
	}
	return n
}

// ParseWatchlist decodes and validates a watchlist file strictly: unknown
// keys, unknown lists or kinds, malformed ids, CAS numbers that fail their
// check digit and duplicate ids or CAS numbers are errors naming
// file:line and the field.
func ParseWatchlist(file string, data []byte) ([]*Substance, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// "yaml: line 3: found a tab character…" as file:3: …
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			return nil, fmt.Errorf("%s:%s: %s", file, m[1], m[2])
		}
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	if len(doc.Content) == 0 {
		return nil, fmt.Errorf("%s:1: substances: empty file", file)
	}
	root := doc.Content[0]
	if err := checkKeys(file, root, topKeys, ""); err != nil {
		return nil, err
	}
	if v := valueNode(root, "version"); v == nil || v.Value != "1" {
		return nil, posError(file, keyNode(root, "version"), "version", "want 1")
	}
	list := valueNode(root, "substances")
	if list == nil || list.Kind != yaml.SequenceNode {
		return nil, posError(file, root, "substances", "want a list of substances")
	}
	var out []*Substance
	ids := map[string]int{}
	cases := map[string]string{}
	for i, n := range list.Content {
		where := fmt.Sprintf("substances[%d].", i)
		if err := checkKeys(file, n, substanceKeys, where); err != nil {
			return nil, err
		}
		for _, sub := range []struct {
			key   string
			known map[string]bool
		}{{"related", relatedKeys}, {"ambiguous", ambiguousKeys}} {
			if v := valueNode(n, sub.key); v != nil && v.Kind == yaml.SequenceNode {
				for j, e := range v.Content {
					if err := checkKeys(file, e, sub.known, fmt.Sprintf("%s%s[%d].", where, sub.key, j)); err != nil {
						return nil, err
					}
				}
			}
		}
		s := &Substance{}
		if err := n.Decode(s); err != nil {
			var te *yaml.TypeError
			if errors.As(err, &te) && len(te.Errors) > 0 {
				// "line 6: cannot unmarshal …" as file:6: the field: …
				if m := yamlLineRE.FindStringSubmatch(te.Errors[0]); m != nil {
					field := strings.TrimSuffix(where, ".")
					for i := 0; i+1 < len(n.Content); i += 2 {
						if strconv.Itoa(n.Content[i+1].Line) == m[1] {
							field = where + n.Content[i].Value
						}
					}
					return nil, fmt.Errorf("%s:%s: %s: %s", file, m[1], field, m[2])
				}
				return nil, fmt.Errorf("%s: %s (in %s)", file, te.Errors[0], strings.TrimSuffix(where, "."))
			}
			return nil, posError(file, n, strings.TrimSuffix(where, "."), "%v", err)
		}
		if !idRE.MatchString(s.ID) {
			return nil, posError(file, keyNode(n, "id"), where+"id", "%q is not [a-z0-9-]+", s.ID)
		}
		if prev, ok := ids[s.ID]; ok {
			return nil, posError(file, keyNode(n, "id"), where+"id", "duplicate id %q (first at line %d)", s.ID, prev)
		}
		ids[s.ID] = keyNode(n, "id").Line
		if s.Name == "" {
			return nil, posError(file, n, where+"name", "missing")
		}
		if !knownLists[s.List] {
			return nil, posError(file, keyNode(n, "list"), where+"list", "%q: want table-I, table-II, surveillance or designer", s.List)
		}
		if s.Immediate && (s.List == precwatch.ListTableI || s.List == precwatch.ListTableII) {
			return nil, posError(file, keyNode(n, "immediate"), where+"immediate", "only for surveillance and designer substances")
		}
		checkCAS := func(cas, field string, at *yaml.Node) error {
			if !casRE.MatchString(cas) {
				return posError(file, at, field, "%q is not a CAS number NNNNNNN-NN-N", cas)
			}
			if !ValidCAS(cas) {
				return posError(file, at, field, "%s fails its check digit", cas)
			}
			if other, ok := cases[cas]; ok && other != s.ID {
				return posError(file, at, field, "%s already used by %s", cas, other)
			}
			cases[cas] = s.ID
			return nil
		}
		if s.CAS != "" {
			if err := checkCAS(s.CAS, where+"cas", valueNode(n, "cas")); err != nil {
				return nil, err
			}
		}
		rel := valueNode(n, "related")
		for j, r := range s.Related {
			f := fmt.Sprintf("%srelated[%d]", where, j)
			if err := checkCAS(r.CAS, f+".cas", valueNode(rel.Content[j], "cas")); err != nil {
				return nil, err
			}
			if r.Kind != "" && !knownKinds[r.Kind] {
				return nil, posError(file, valueNode(rel.Content[j], "kind"), f+".kind", "%q: want salt, isomer, ester, hydrate, acid, base or other", r.Kind)
			}
		}
		amb := valueNode(n, "ambiguous")
		for j, a := range s.Ambiguous {
			if strings.TrimSpace(a.Term) == "" {
				return nil, posError(file, amb.Content[j], fmt.Sprintf("%sambiguous[%d].term", where, j), "missing")
			}
		}
		switch s.Confidence {
		case "", "high", "medium", "low":
		default:
			return nil, posError(file, keyNode(n, "confidence"), where+"confidence", "%q: want high, medium or low", s.Confidence)
		}
		out = append(out, s)
	}
	return out, nil
}

// sortedKeys returns the keys of m in order (nil for an empty map: most
// listings have no attributes, and Match asks for theirs every time).
func sortedKeys[V any](m map[string]V) []string {
	if len(m) == 0 {
		return nil
	}
	k := make([]string, 0, len(m))
	for x := range m {
		k = append(k, x)
	}
	sort.Strings(k)
	return k
}
