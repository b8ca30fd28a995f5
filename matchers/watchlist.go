package matchers

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/internal/suggest"
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
	subs     []*Substance
	byID     map[string]*Substance
	warnings []WatchlistProblem
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
// it. A bad file is rejected whole: the error is a *WatchlistError listing
// every problem of every file as "file:line: field: message". A CAS number
// that an extra entry shares with an entry of another id (built-in, or in
// another extra file) is a warning (Warnings), not an error.
func LoadWatchlist(extraFiles ...string) (*Watchlist, error) {
	w := &Watchlist{byID: map[string]*Substance{}}
	origin := map[*Substance]entryPos{}
	data, err := builtin.ReadFile(builtinWatchlist)
	switch {
	case err == nil:
		subs, pos, err := parseWatchlist(builtinWatchlist, data)
		if err != nil {
			return nil, err
		}
		for i, s := range subs {
			origin[s] = pos[i]
		}
		w.merge(subs)
	case errors.Is(err, fs.ErrNotExist):
		// Built without the data file: extra files only.
	default:
		return nil, fmt.Errorf("read built-in watchlist: %w", err)
	}
	var all WatchlistError
	for k, f := range extraFiles {
		data, err := os.ReadFile(f)
		if err != nil {
			if len(all.Problems) > 0 {
				all.Problems = append(all.Problems, WatchlistProblem{File: f, Message: fmt.Sprintf("read watchlist: %v", err)})
				continue
			}
			return nil, fmt.Errorf("read watchlist: %w", err)
		}
		subs, pos, err := parseWatchlist(f, data)
		var we *WatchlistError
		if errors.As(err, &we) {
			all.Problems = append(all.Problems, we.Problems...)
			continue
		} else if err != nil {
			return nil, err
		}
		for i, s := range subs {
			pos[i].extra, pos[i].order = true, k+1
			origin[s] = pos[i]
		}
		w.merge(subs)
	}
	if len(all.Problems) > 0 {
		return nil, &all
	}
	w.warnings = sharedCAS(w.subs, origin)
	return w, nil
}

// entryPos is where a substance was written: file, the line of its id and
// the line of each of its CAS numbers.
type entryPos struct {
	file  string
	field string // substances[i]
	line  int
	cas   map[string]int
	extra bool // not the built-in file
	order int  // 0: built-in; 1, 2, …: the extra files in order
}

// sharedCAS warns of every CAS number that an extra entry shares with an
// entry of another id in the merged watchlist: a number found in a listing
// then names either substance, which is most likely a mistake (an entry
// meant to replace a built-in one under another id).
func sharedCAS(subs []*Substance, origin map[*Substance]entryPos) []WatchlistProblem {
	owners := map[string][]*Substance{}
	var order []string
	for _, s := range subs {
		for _, cas := range append([]string{s.CAS}, relatedCAS(s)...) {
			if cas == "" {
				continue
			}
			if len(owners[cas]) == 0 {
				order = append(order, cas)
			}
			owners[cas] = append(owners[cas], s)
		}
	}
	later := func(a, b entryPos) bool { // a written after b
		if a.order != b.order {
			return a.order > b.order
		}
		return a.line > b.line
	}
	var out []WatchlistProblem
	for _, cas := range order {
		os := owners[cas]
		for i := range os {
			for j := i + 1; j < len(os); j++ {
				a, b := os[i], os[j]
				pa, pb := origin[a], origin[b]
				if a.ID == b.ID || (!pa.extra && !pb.extra) {
					continue
				}
				if later(pb, pa) {
					a, b, pa, pb = b, a, pb, pa
				}
				// a (extra) reuses the number of b, written before it.
				where := fmt.Sprintf("the built-in watchlist, %s at line %d", pb.field, pb.cas[cas])
				if pb.extra {
					where = fmt.Sprintf("%s:%d, %s", pb.file, pb.cas[cas], pb.field)
				}
				out = append(out, WatchlistProblem{File: pa.file, Line: pa.cas[cas], Field: pa.field,
					Message: fmt.Sprintf("CAS %s of %q is also that of %q (%s): two substances claim one number; remove it from one of them, or give this entry the id %q to replace that entry",
						cas, a.ID, b.ID, where, b.ID)})
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].File != out[j].File {
			return false
		}
		return out[i].Line < out[j].Line
	})
	return out
}

func relatedCAS(s *Substance) []string {
	out := make([]string, 0, len(s.Related))
	for _, r := range s.Related {
		out = append(out, r.CAS)
	}
	return out
}

// Warnings returns what LoadWatchlist accepted that is most likely a
// mistake (an extra entry reusing another entry's CAS number), in load
// order; print them with WatchlistProblem.Warning.
func (w *Watchlist) Warnings() []WatchlistProblem { return w.warnings }

// WatchlistProblem is one thing wrong with a watchlist file. Column is set
// only where a line alone does not say where (a byte that is not UTF-8).
type WatchlistProblem struct {
	File    string
	Line    int
	Column  int
	Field   string // e.g. "substances[3].synonyms"
	Message string
}

// String renders the problem as "file:line: field: message" (or
// "file:line:col: message").
func (p WatchlistProblem) String() string {
	return p.render("")
}

// Warning renders the problem as "file:line: warning: field: message".
func (p WatchlistProblem) Warning() string {
	return p.render("warning: ")
}

func (p WatchlistProblem) render(kind string) string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Column > 0 {
			fmt.Fprintf(&b, ":%d", p.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(kind)
	if p.Field != "" {
		b.WriteString(p.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Message)
	return b.String()
}

// WatchlistError lists every problem of the watchlist files loaded
// together, in file order; a file with any problem is rejected whole.
type WatchlistError struct {
	Problems []WatchlistProblem
}

// Error returns one problem a line.
func (e *WatchlistError) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
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

// The YAML keys of the schema, for strict decoding.
var (
	substanceKeys = strings.Fields("id name list immediate cas related synonyms abbreviations trade_names street_names medicines medicine_names_only names ambiguous notes source confidence")
	relatedKeys   = strings.Fields("cas label kind")
	ambiguousKeys = strings.Fields("term context block")
	topKeys       = strings.Fields("version substances")
)

// yamlLineRE reads the line out of a YAML error message.
var yamlLineRE = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// ParseWatchlist decodes and validates a watchlist file strictly: unknown
// keys, values of the wrong type, unknown lists or kinds, malformed ids,
// CAS numbers that fail their check digit and duplicate ids or CAS numbers
// are problems naming file:line and the field. It reports every problem of
// the file at once, as a *WatchlistError, and then returns no substance.
func ParseWatchlist(file string, data []byte) ([]*Substance, error) {
	subs, _, err := parseWatchlist(file, data)
	return subs, err
}

// wlParser collects the problems of one watchlist file.
type wlParser struct {
	file     string
	problems []WatchlistProblem
}

func (p *wlParser) add(n *yaml.Node, field, format string, args ...any) {
	line := 0
	if n != nil {
		line = n.Line
	}
	p.problems = append(p.problems, WatchlistProblem{File: p.file, Line: line, Field: field, Message: fmt.Sprintf(format, args...)})
}

// items calls fn for each element of the list n (field f), with the
// element's field path; a null list is empty, anything else than a list
// is a problem ("want a list of WANT").
func (p *wlParser) items(n *yaml.Node, f, want string, fn func(e *yaml.Node, ef string)) {
	if isNullNode(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n, f, "want a list of %s, not %s", want, shape(n))
		return
	}
	for j, e := range n.Content {
		fn(e, fmt.Sprintf("%s[%d]", f, j))
	}
}

func resolveAlias(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isNullNode(n *yaml.Node) bool {
	return n == nil || (n.Kind == yaml.ScalarNode && n.Tag == "!!null")
}

// shape names what n is, for messages.
func shape(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping (key: value)"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return fmt.Sprintf("%q", n.Value)
	}
	return "nothing"
}

// fields calls fn for each key of the mapping n, reporting unknown and
// duplicate keys; ok is false when n is not a mapping.
func (p *wlParser) fields(n *yaml.Node, where string, known []string, fn func(key string, k, v *yaml.Node, field string)) bool {
	n = resolveAlias(n)
	if n.Kind != yaml.MappingNode {
		p.add(n, strings.TrimSuffix(where, "."), "want a mapping of %s, not %s", strings.Join(known, ", "), shape(n))
		return false
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolveAlias(n.Content[i+1])
		f := where + k.Value
		switch {
		case !slices.Contains(known, k.Value):
			if near := suggest.Nearest(k.Value, known); near != "" {
				p.add(k, f, "unknown field; did you mean %s? (known: %s)", near, strings.Join(known, ", "))
			} else {
				p.add(k, f, "unknown field (known: %s)", strings.Join(known, ", "))
			}
		case seen[k.Value]:
			p.add(k, f, "written twice")
		default:
			seen[k.Value] = true
			fn(k.Value, k, v, f)
		}
	}
	return true
}

// text decodes a scalar; null is "".
func (p *wlParser) text(n *yaml.Node, field string, dst *string) bool {
	if isNullNode(n) {
		return true
	}
	if n.Kind != yaml.ScalarNode {
		p.add(n, field, "want a single value, not %s", shape(n))
		return false
	}
	*dst = n.Value
	return true
}

// flag decodes true or false; null is false.
func (p *wlParser) flag(n *yaml.Node, field string, dst *bool) {
	if isNullNode(n) {
		return
	}
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true", "yes", "on":
			*dst = true
			return
		case "false", "no", "off":
			*dst = false
			return
		}
	}
	p.add(n, field, "want true or false, not %s", shape(n))
}

// texts decodes a list of single values; null is none.
func (p *wlParser) texts(n *yaml.Node, field string, dst *[]string) {
	if isNullNode(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		p.add(n, field, "want a list of names, like [\"a\", \"b\"], not %s", shape(n))
		return
	}
	var out []string
	for j, e := range n.Content {
		var v string
		if p.text(resolveAlias(e), fmt.Sprintf("%s[%d]", field, j), &v) {
			out = append(out, v)
		}
	}
	*dst = out
}

// entry decodes one substance into s; at records the node of each key
// (and of each CAS number and related kind), bad the keys whose value
// could not be read. It reports whether n is a mapping.
func (p *wlParser) entry(n *yaml.Node, where string, s *Substance, at map[string]*yaml.Node, bad map[string]bool) bool {
	return p.fields(n, where, substanceKeys, func(key string, k, v *yaml.Node, f string) {
		at[key] = k
		before := len(p.problems)
		defer func() { bad[key] = len(p.problems) > before }()
		switch key {
		case "id":
			p.text(v, f, &s.ID)
		case "name":
			p.text(v, f, &s.Name)
		case "list":
			p.text(v, f, &s.List)
		case "immediate":
			p.flag(v, f, &s.Immediate)
		case "cas":
			at["cas"] = v
			p.text(v, f, &s.CAS)
		case "related":
			p.items(v, f, "{cas, label, kind}", func(e *yaml.Node, rf string) {
				var r Related
				ok := p.fields(e, rf+".", relatedKeys, func(key string, _, v *yaml.Node, f string) {
					switch key {
					case "cas":
						at[rf+".cas"] = v
						p.text(v, f, &r.CAS)
					case "label":
						p.text(v, f, &r.Label)
					case "kind":
						at[rf+".kind"] = v
						p.text(v, f, &r.Kind)
					}
				})
				if ok {
					at[rf] = resolveAlias(e)
					s.Related = append(s.Related, r)
				}
			})
		case "synonyms":
			p.texts(v, f, &s.Synonyms)
		case "abbreviations":
			p.texts(v, f, &s.Abbreviations)
		case "trade_names":
			p.texts(v, f, &s.TradeNames)
		case "street_names":
			p.texts(v, f, &s.StreetNames)
		case "medicines":
			p.texts(v, f, &s.Medicines)
		case "medicine_names_only":
			p.flag(v, f, &s.MedicineNamesOnly)
		case "names":
			if isNullNode(v) {
				return
			}
			if v.Kind != yaml.MappingNode {
				p.add(v, f, "want a mapping of language to names, like {de: [\"…\"]}, not %s", shape(v))
				return
			}
			s.Names = map[string][]string{}
			for i := 0; i+1 < len(v.Content); i += 2 {
				lang := v.Content[i].Value
				var names []string
				p.texts(resolveAlias(v.Content[i+1]), f+"."+lang, &names)
				s.Names[lang] = names
			}
		case "ambiguous":
			p.items(v, f, "{term, context, block}", func(e *yaml.Node, af string) {
				var a Ambiguous
				ok := p.fields(e, af+".", ambiguousKeys, func(key string, _, v *yaml.Node, f string) {
					switch key {
					case "term":
						p.text(v, f, &a.Term)
					case "context":
						p.texts(v, f, &a.Context)
					case "block":
						p.texts(v, f, &a.Block)
					}
				})
				if ok {
					if strings.TrimSpace(a.Term) == "" {
						p.add(resolveAlias(e), af+".term", "missing")
					}
					s.Ambiguous = append(s.Ambiguous, a)
				}
			})
		case "notes":
			p.text(v, f, &s.Notes)
		case "source":
			if v.Kind == yaml.SequenceNode {
				var l []string
				p.texts(v, f, &l)
				s.Source = l
			} else {
				var one string
				if p.text(v, f, &one) && !isNullNode(v) {
					s.Source = StringList{one}
				}
			}
		case "confidence":
			at["confidence"] = v
			p.text(v, f, &s.Confidence)
		}
	})
}

// parseWatchlist is ParseWatchlist, also returning where each substance
// was written.
func parseWatchlist(file string, data []byte) ([]*Substance, []entryPos, error) {
	p := &wlParser{file: file}
	fail := func() ([]*Substance, []entryPos, error) {
		return nil, nil, &WatchlistError{Problems: p.problems}
	}
	if line, col, b, bad := firstNotUTF8(data); bad {
		p.problems = append(p.problems, WatchlistProblem{File: file, Line: line, Column: col,
			Message: fmt.Sprintf("the file is not UTF-8 (byte 0x%02X); save it as UTF-8", b)})
		return fail()
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		// "yaml: line 3: found a tab character…" as file:3: …
		msg := strings.TrimPrefix(err.Error(), "yaml: ")
		line := 0
		if m := yamlLineRE.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		if strings.Contains(msg, "tab") {
			msg += " (indent with spaces, not tabs)"
		} else {
			msg += " (a YAML syntax error: check the indentation and the brackets and quotes on this line and the ones before)"
		}
		p.problems = append(p.problems, WatchlistProblem{File: file, Line: line, Message: msg})
		return fail()
	}
	if len(doc.Content) == 0 {
		p.add(&yaml.Node{Line: 1}, "substances", "empty file")
		return fail()
	}
	root := resolveAlias(doc.Content[0])
	var version, list *yaml.Node
	if !p.fields(root, "", topKeys, func(key string, k, v *yaml.Node, f string) {
		if key == "version" {
			version = k
			if v.Kind != yaml.ScalarNode || v.Value != "1" {
				p.add(k, "version", "want 1, not %s", shape(v))
			}
		} else {
			list = v
		}
	}) {
		return fail()
	}
	if version == nil {
		p.add(root, "version", "missing: want version: 1")
	}
	if list == nil || list.Kind != yaml.SequenceNode {
		at := root
		if list != nil {
			at = list
		}
		p.add(at, "substances", "want a list of substances")
		return fail()
	}
	var out []*Substance
	var pos []entryPos
	ids := map[string]int{}
	cases := map[string]string{}
	for i, n := range list.Content {
		n = resolveAlias(n)
		field := fmt.Sprintf("substances[%d]", i)
		where := field + "."
		s := &Substance{}
		at := map[string]*yaml.Node{}
		bad := map[string]bool{} // keys whose value could not be read
		if !p.entry(n, where, s, at, bad) {
			continue
		}
		node := func(key string) *yaml.Node {
			if k := at[key]; k != nil {
				return k
			}
			return n
		}
		ep := entryPos{file: file, field: field, line: node("id").Line, cas: map[string]int{}}
		switch {
		case bad["id"]:
		case at["id"] == nil:
			p.add(n, where+"id", "missing")
		case !idRE.MatchString(s.ID):
			p.add(node("id"), where+"id", "%q is not [a-z0-9-]+", s.ID)
		default:
			if prev, dup := ids[s.ID]; dup {
				p.add(node("id"), where+"id", "duplicate id %q (first at line %d)", s.ID, prev)
			} else {
				ids[s.ID] = node("id").Line
			}
		}
		if s.Name == "" && !bad["name"] {
			p.add(node("name"), where+"name", "missing")
		}
		if at["list"] == nil {
			p.add(n, where+"list", "missing (table-I, table-II, surveillance or designer)")
		} else if !knownLists[s.List] && !bad["list"] {
			p.add(node("list"), where+"list", "%q: want table-I, table-II, surveillance or designer", s.List)
		}
		if s.Immediate && (s.List == precwatch.ListTableI || s.List == precwatch.ListTableII) {
			p.add(node("immediate"), where+"immediate", "only for surveillance and designer substances")
		}
		checkCAS := func(cas, field string, at *yaml.Node) {
			switch {
			case !casRE.MatchString(cas):
				p.add(at, field, "%q is not a CAS number NNNNNNN-NN-N", cas)
			case !ValidCAS(cas):
				p.add(at, field, "%s fails its check digit", cas)
			default:
				if other, ok := cases[cas]; ok && other != s.ID {
					p.add(at, field, "%s already used by %s", cas, other)
				}
				cases[cas] = s.ID
				ep.cas[cas] = at.Line
			}
		}
		if s.CAS != "" {
			checkCAS(s.CAS, where+"cas", node("cas"))
		}
		for j, r := range s.Related {
			f := fmt.Sprintf("%srelated[%d]", where, j)
			relAt := at[f]
			if relAt == nil {
				relAt = node("related")
			}
			casAt := at[f+".cas"]
			if casAt == nil {
				casAt = relAt
			}
			checkCAS(r.CAS, f+".cas", casAt)
			if r.Kind != "" && !knownKinds[r.Kind] {
				kindAt := at[f+".kind"]
				if kindAt == nil {
					kindAt = relAt
				}
				p.add(kindAt, f+".kind", "%q: want salt, isomer, ester, hydrate, acid, base or other", r.Kind)
			}
		}
		switch s.Confidence {
		case "", "high", "medium", "low":
		default:
			if bad["confidence"] {
				break
			}
			p.add(node("confidence"), where+"confidence", "%q: want high, medium or low", s.Confidence)
		}
		out = append(out, s)
		pos = append(pos, ep)
	}
	if len(p.problems) > 0 {
		// In file order: a key's own problems come before those found
		// once the entry was read.
		sort.SliceStable(p.problems, func(i, j int) bool { return p.problems[i].Line < p.problems[j].Line })
		return fail()
	}
	return out, pos, nil
}

// firstNotUTF8 returns the line and column (in bytes, 1-based) of the
// first byte of data that is not UTF-8, and that byte.
func firstNotUTF8(data []byte) (line, col int, b byte, bad bool) {
	line, start := 1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, i - start + 1, data[i], true
		}
		if data[i] == '\n' {
			line, start = line+1, i+1
		}
		i += size
	}
	return 0, 0, 0, false
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
