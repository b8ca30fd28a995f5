package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"gopkg.in/yaml.v3"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/internal/suggest"
)

// pos is where a field's value is in the file.
type pos struct{ line, col int }

// decoder walks the yaml.v3 node tree by hand, so that every unknown key,
// wrong type and bad ${ENV} reference is reported with its position and
// decoding goes on after it.
type decoder struct {
	file     string
	getenv   func(string) string
	problems []Problem
	warnings []Problem
	pos      map[string]pos  // field path → position of its value
	failed   map[string]bool // fields with a decoding problem: not validated again
	syntax   bool            // the YAML did not parse: nothing to validate
	merges   int             // merge keys expanded so far
}

// maxMerges bounds the merge keys expanded in one file.
const maxMerges = 1000

// errorf records a problem at node n.
func (d *decoder) errorf(n *yaml.Node, field, format string, args ...any) {
	p := Problem{File: d.file, Field: field, Message: fmt.Sprintf(format, args...)}
	d.failed[field] = true
	if n != nil {
		p.Line, p.Column = n.Line, n.Column
	}
	d.problems = append(d.problems, p)
}

// report records a validation problem at the position of field, or of its
// nearest ancestor that is in the file (a missing field is reported where
// its parent is).
func (d *decoder) report(field, msg string) {
	for f := field; f != ""; {
		if d.failed[f] {
			return // already reported as undecodable
		}
		i := strings.LastIndexAny(f, ".[")
		if i <= 0 {
			break
		}
		f = f[:i]
	}
	d.problems = append(d.problems, d.at(field, msg))
}

// warn records a warning: something valid that is most likely a mistake.
func (d *decoder) warn(field, msg string) {
	d.warnings = append(d.warnings, d.at(field, msg))
}

// at returns a problem with the field at path, placed at the field or the
// nearest enclosing one with a known position.
func (d *decoder) at(field, msg string) Problem {
	p := Problem{File: d.file, Field: field, Message: msg}
	for f := field; ; {
		if at, ok := d.pos[f]; ok {
			p.Line, p.Column = at.line, at.col
			break
		}
		i := strings.LastIndexAny(f, ".[")
		if i <= 0 {
			p.Line, p.Column = 1, 1
			break
		}
		f = f[:i]
	}
	return p
}

// sortProblems orders problems by position and drops repeats (a mapping
// merged into several targets reports its problems once).
func sortProblems(ps []Problem) []Problem {
	sort.SliceStable(ps, func(i, j int) bool {
		if ps[i].Line != ps[j].Line {
			return ps[i].Line < ps[j].Line
		}
		return ps[i].Column < ps[j].Column
	})
	seen := map[Problem]bool{}
	out := ps[:0]
	for _, p := range ps {
		if !seen[p] {
			seen[p] = true
			out = append(out, p)
		}
	}
	return out
}

// syntaxError records a YAML syntax error; the file is not validated further.
// The YAML parser names the line where the enclosing block starts for a
// wrongly indented line or a tab, often far above it; when the text shows
// such a line, the problem names it instead.
func (d *decoder) syntaxError(data []byte, err error) {
	p := Problem{File: d.file, Line: 1, Column: 1, Message: err.Error()}
	if m := yamlLine.FindStringSubmatch(err.Error()); m != nil {
		p.Line, _ = strconv.Atoi(m[1])
		p.Message = m[2]
	}
	if strings.Contains(p.Message, "did not find expected ',' or '}'") {
		// A JSON path with an index written unquoted in a flow
		// mapping ({price: variants[0].price}): YAML reads the "["
		// as the start of a list, and names a line after it.
		if line, col, value, ok := flowBracket(data, p.Line); ok {
			p.Line, p.Column = line, col
			p.Message = fmt.Sprintf("write %q in quotes: inside {…} YAML reads an unquoted [ as the start of a list (%s)", value, p.Message)
		}
	}
	if line, col, msg, ok := indentProblem(data); ok && line >= p.Line && (msg != "" || blockError(p.Message)) {
		if msg == "" {
			msg = "this line's indentation matches no line above it (" + p.Message + ")"
		}
		p.Line, p.Column, p.Message = line, col, msg
	}
	d.problems = append(d.problems, p)
	d.syntax = true
}

// flowValueBracket is a plain value in a flow mapping that holds a "["
// after its first character (a JSON path with an index, variants[0].price).
var flowValueBracket = regexp.MustCompile(`[{,]\s*[\w.-]+\s*:\s+([A-Za-z_$@][^\s,{}"'\[\]]*\[[^\s,{}]*)`)

// flowBracket finds, on the lines around upTo (the line YAML names), a value of
// a flow mapping written unquoted with a "[" in it, and returns its line,
// column (from 1) and text.
func flowBracket(data []byte, upTo int) (line, col int, value string, ok bool) {
	lines := strings.Split(string(data), "\n")
	// YAML names the line before or after the value, depending on
	// where the mapping's closing brace was looked for.
	for i := min(upTo+1, len(lines)) - 1; i >= 0 && i >= upTo-5; i-- {
		if m := flowValueBracket.FindAllStringSubmatchIndex(lines[i], -1); m != nil {
			first := m[0]
			return i + 1, utf8.RuneCountInString(lines[i][:first[2]]) + 1, lines[i][first[2]:first[3]], true
		}
	}
	return 0, 0, "", false
}

// notUTF8 finds the first byte of data that is not UTF-8 and returns its
// line and column (counted in characters, from 1, as YAML's are). Text
// with a UTF-16 byte-order mark is left to the YAML decoder, which reads
// it.
func notUTF8(data []byte) (line, col int, b byte, ok bool) {
	if utf8.Valid(data) || bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return 0, 0, 0, false
	}
	line, start := 1, 0
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return line, utf8.RuneCount(data[start:i]) + 1, data[i], true
		}
		if r == '\n' {
			line, start = line+1, i+1
		}
		i += size
	}
	return 0, 0, 0, false
}

// blockError reports whether a YAML parser message is one a wrongly
// indented line causes.
func blockError(msg string) bool {
	for _, s := range []string{"did not find expected key", "did not find expected '-' indicator",
		"found character that cannot start any token", "mapping values are not allowed",
		"block sequence entries are not allowed"} {
		if strings.Contains(msg, s) {
			return true
		}
	}
	return false
}

// indentProblem finds the first line of a YAML block structure whose
// indentation is a tab (msg says so) or matches no open block above it (msg
// empty). Lines inside block scalars (| and >) and multi-line flow
// collections are not judged.
func indentProblem(data []byte) (line, col int, msg string, ok bool) {
	levels := []int{0}
	opens := false // the previous line opens a nested block
	scalar := -1   // indentation of the line that opened a block scalar
	depth := 0     // open [ and { of flow collections
	for i, raw := range strings.Split(string(data), "\n") {
		n := i + 1
		text := strings.TrimRight(raw, " \t\r")
		body := strings.TrimLeft(text, " \t")
		if body == "" || strings.HasPrefix(body, "#") {
			continue
		}
		lead := text[:len(text)-len(body)]
		ind := len(lead)
		if scalar >= 0 {
			if ind > scalar {
				continue
			}
			scalar = -1
		}
		if depth > 0 {
			depth += flowDepth(body)
			continue
		}
		if t := strings.IndexByte(lead, '\t'); t >= 0 {
			return n, t + 1, "a tab in the indentation (YAML indents with spaces)", true
		}
		if n > 1 || ind > 0 {
			top := levels[len(levels)-1]
			switch {
			case ind > top && !opens:
				return n, ind + 1, "", true
			case ind > top:
				levels = append(levels, ind)
			case ind < top:
				for len(levels) > 1 && levels[len(levels)-1] > ind {
					levels = levels[:len(levels)-1]
				}
				if levels[len(levels)-1] != ind {
					return n, ind + 1, "", true
				}
			}
		}
		// A sequence item "- key: value" opens a mapping at its key's
		// column; "- " alone or "key:" alone opens a block below.
		item := body
		for strings.HasPrefix(item, "- ") {
			item = strings.TrimLeft(item[2:], " ")
			k := ind + (len(body) - len(item))
			if levels[len(levels)-1] < k {
				levels = append(levels, k)
			}
		}
		value := item
		if k := strings.Index(item, ": "); k >= 0 && !strings.HasPrefix(item, "\"") && !strings.HasPrefix(item, "'") {
			value = strings.TrimSpace(item[k+2:])
		} else if strings.HasSuffix(item, ":") {
			value = ""
		}
		if c := strings.Index(value, " #"); c >= 0 {
			value = strings.TrimSpace(value[:c])
		}
		opens = value == "" || body == "-" || strings.HasSuffix(body, ":")
		switch {
		case strings.HasPrefix(value, "|") || strings.HasPrefix(value, ">"):
			scalar = ind
		default:
			depth = flowDepth(value)
		}
	}
	return 0, 0, "", false
}

// flowDepth counts the [ and { a line leaves open (outside quotes).
func flowDepth(s string) int {
	depth, quote := 0, byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '[' || c == '{':
			depth++
		case c == ']' || c == '}':
			depth--
		case c == '#' && i > 0 && s[i-1] == ' ':
			return max(depth, 0)
		}
	}
	return max(depth, 0)
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (d *decoder) decode(data []byte) *Config {
	cfg := Default()
	if line, col, b, ok := notUTF8(data); ok {
		// YAML's own message ("invalid trailing UTF-8 octet") has no
		// line and no hint (a file saved as Latin-1 or windows-1252).
		d.problems = append(d.problems, Problem{File: d.file, Line: line, Column: col,
			Message: fmt.Sprintf("the file is not UTF-8 (byte 0x%02X); save it as UTF-8", b)})
		d.syntax = true
		return cfg
	}
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) { // empty file
			return cfg
		}
		d.syntaxError(data, err)
		return cfg
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); err == nil {
		d.errorf(&extra, "", "a config file holds one YAML document; this is a second one")
	} else if !errors.Is(err, io.EOF) {
		d.syntaxError(data, err)
		return cfg
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return cfg
	}
	root := doc.Content[0]
	d.mapping(root, "", map[string]func(*yaml.Node, string){
		"data_dir":   func(n *yaml.Node, f string) { d.str(n, f, &cfg.DataDir) },
		"threshold":  func(n *yaml.Node, f string) { d.float(n, f, &cfg.Threshold) },
		"watchlists": func(n *yaml.Node, f string) { d.strs(n, f, &cfg.Watchlists) },
		"targets": func(n *yaml.Node, f string) {
			d.seq(n, f, func(item *yaml.Node, f string) {
				t := DefaultTarget()
				d.target(item, f, &t)
				complete(&t)
				if _, set := d.pos[f+".max_body_bytes"]; !set && t.Kind == precwatch.KindJSON {
					t.MaxBodyBytes = DefaultJSONMaxBodyBytes
				}
				cfg.Targets = append(cfg.Targets, t)
			})
		},
		"platforms": func(n *yaml.Node, f string) {
			d.seq(n, f, func(item *yaml.Node, f string) {
				var p Platform
				d.mapping(item, f, map[string]func(*yaml.Node, string){
					"name":           func(n *yaml.Node, f string) { d.str(n, f, &p.Name) },
					"webhook_url":    func(n *yaml.Node, f string) { d.str(n, f, &p.WebhookURL) },
					"webhook_secret": func(n *yaml.Node, f string) { d.str(n, f, &p.WebhookSecret) },
				})
				cfg.Platforms = append(cfg.Platforms, p)
			})
		},
	})
	return cfg
}

func (d *decoder) target(n *yaml.Node, path string, t *precwatch.Target) {
	d.mapping(n, path, map[string]func(*yaml.Node, string){
		"name":                   func(n *yaml.Node, f string) { d.str(n, f, &t.Name) },
		"platform":               func(n *yaml.Node, f string) { d.str(n, f, &t.Platform) },
		"kind":                   func(n *yaml.Node, f string) { d.str(n, f, &t.Kind) },
		"schedule":               func(n *yaml.Node, f string) { d.str(n, f, &t.Schedule) },
		"start_urls":             func(n *yaml.Node, f string) { d.strs(n, f, &t.StartURLs) },
		"allowed_domains":        func(n *yaml.Node, f string) { d.strs(n, f, &t.AllowedDomains) },
		"allow_private_networks": func(n *yaml.Node, f string) { d.bool(n, f, &t.AllowPrivateNetworks) },
		"respect_robots_txt":     func(n *yaml.Node, f string) { d.bool(n, f, &t.RespectRobotsTxt) },
		"user_agent":             func(n *yaml.Node, f string) { d.str(n, f, &t.UserAgent) },
		"headers":                func(n *yaml.Node, f string) { d.strMap(n, f, &t.Headers) },
		"max_pages":              func(n *yaml.Node, f string) { d.int(n, f, &t.MaxPages) },
		"parallelism":            func(n *yaml.Node, f string) { d.int(n, f, &t.Parallelism) },
		"delay":                  func(n *yaml.Node, f string) { d.duration(n, f, &t.Delay) },
		"timeout":                func(n *yaml.Node, f string) { d.duration(n, f, &t.Timeout) },
		"max_body_bytes":         func(n *yaml.Node, f string) { d.size(n, f, &t.MaxBodyBytes) },
		"max_retries":            func(n *yaml.Node, f string) { d.int(n, f, &t.MaxRetries) },
		"time_zone":              func(n *yaml.Node, f string) { d.str(n, f, &t.TimeZone) },
		"follow":                 func(n *yaml.Node, f string) { d.strs(n, f, &t.Follow) },
		"next_page":              func(n *yaml.Node, f string) { d.strs(n, f, &t.NextPage) },
		"listing": func(n *yaml.Node, f string) {
			d.mapping(n, f, map[string]func(*yaml.Node, string){
				"url_pattern": func(n *yaml.Node, f string) { d.str(n, f, &t.Listing.URLPattern) },
				"item":        func(n *yaml.Node, f string) { d.str(n, f, &t.Listing.Item) },
				"fields":      func(n *yaml.Node, f string) { d.strMap(n, f, &t.Listing.Fields) },
				"gone":        func(n *yaml.Node, f string) { d.str(n, f, &t.Listing.Gone) },
			})
		},
		"request": func(n *yaml.Node, f string) {
			d.mapping(n, f, map[string]func(*yaml.Node, string){
				"method": func(n *yaml.Node, f string) { d.str(n, f, &t.Request.Method) },
				"body":   func(n *yaml.Node, f string) { d.bodyTemplate(n, f, &t.Request.Body) },
			})
		},
		"lookups": func(n *yaml.Node, f string) {
			d.seq(n, f, func(item *yaml.Node, f string) {
				var l precwatch.Lookup
				d.mapping(item, f, map[string]func(*yaml.Node, string){
					"url":    func(n *yaml.Node, f string) { d.str(n, f, &l.URL) },
					"fields": func(n *yaml.Node, f string) { d.strMap(n, f, &l.Fields) },
				})
				t.Lookups = append(t.Lookups, l)
			})
		},
		"json": func(n *yaml.Node, f string) {
			d.mapping(n, f, map[string]func(*yaml.Node, string){
				"items":     func(n *yaml.Node, f string) { d.str(n, f, &t.JSON.Items) },
				"next_page": func(n *yaml.Node, f string) { d.str(n, f, &t.JSON.NextPage) },
				"fields":    func(n *yaml.Node, f string) { d.strMap(n, f, &t.JSON.Fields) },
				"method":    func(n *yaml.Node, f string) { d.str(n, f, &t.JSON.Method) },
				"body":      func(n *yaml.Node, f string) { d.bodyTemplate(n, f, &t.JSON.Body) },
			})
		},
	})
}

// resolve follows aliases.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && n.Kind == yaml.AliasNode && i < 100; i++ {
		n = n.Alias
	}
	return n
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		return "a scalar"
	}
	return "nothing"
}

// mapping decodes the mapping n, calling fields[key] for each key; unknown and
// duplicate keys are problems. A null node is an empty mapping.
func (d *decoder) mapping(n *yaml.Node, path string, fields map[string]func(*yaml.Node, string)) {
	n = resolve(n)
	if n == nil || isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "must be a mapping, not %s", kindName(n))
		return
	}
	// YAML merge keys ("<<: *defaults") apply first, so that the
	// mapping's own keys override what they bring in.
	for i := 0; i+1 < len(n.Content); i += 2 {
		if k := n.Content[i]; k.Tag == "!!merge" || (k.Value == "<<" && k.Style == 0) {
			// Merges of merges grow exponentially; no real config
			// needs more than a handful.
			if d.merges++; d.merges > maxMerges {
				if d.merges == maxMerges+1 {
					d.errorf(k, path, "more than %d merge keys (<<) expanded", maxMerges)
				}
				continue
			}
			v := resolve(n.Content[i+1])
			if v.Kind == yaml.SequenceNode {
				for j := len(v.Content) - 1; j >= 0; j-- { // earlier sources win
					d.mapping(v.Content[j], path, fields)
				}
			} else {
				d.mapping(v, path, fields)
			}
		}
	}
	seen := map[string]bool{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		key := k.Value
		if k.Tag == "!!merge" || (key == "<<" && k.Style == 0) {
			continue
		}
		f := join(path, key)
		if seen[key] {
			d.errorf(k, f, "duplicate key")
			continue
		}
		seen[key] = true
		fn, ok := fields[key]
		if !ok {
			known := make([]string, 0, len(fields))
			for name := range fields {
				known = append(known, name)
			}
			sort.Strings(known)
			if near := suggest.Nearest(key, known); near != "" {
				d.errorf(k, f, "unknown field; did you mean %s? (known: %s)", near, strings.Join(known, ", "))
			} else {
				d.errorf(k, f, "unknown field (known: %s)", strings.Join(known, ", "))
			}
			continue
		}
		v = resolve(v)
		d.pos[f] = pos{v.Line, v.Column}
		fn(v, f)
	}
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// seq decodes the list n, calling fn for each element. Null is an empty list.
func (d *decoder) seq(n *yaml.Node, path string, fn func(*yaml.Node, string)) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, path, "must be a list, not %s", kindName(n))
		return
	}
	for i, item := range n.Content {
		item = resolve(item)
		f := fmt.Sprintf("%s[%d]", path, i)
		d.pos[f] = pos{item.Line, item.Column}
		fn(item, f)
	}
}

// scalar returns the ${ENV}-expanded text of the scalar n.
func (d *decoder) scalar(n *yaml.Node, path string) (string, bool) {
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "must be a scalar, not %s", kindName(n))
		return "", false
	}
	s, err := expand(n.Value, d.getenv)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return "", false
	}
	return s, true
}

func (d *decoder) str(n *yaml.Node, path string, dst *string) {
	if isNull(n) {
		*dst = ""
		return
	}
	if s, ok := d.scalar(n, path); ok {
		*dst = s
	}
}

func (d *decoder) strs(n *yaml.Node, path string, dst *[]string) {
	if n.Kind == yaml.ScalarNode && !isNull(n) {
		// One value written without brackets ("follow: a.product")
		// is a list of one.
		var s string
		if d.str(n, path, &s); !d.failed[path] {
			*dst = []string{s}
		}
		return
	}
	var out []string
	d.seq(n, path, func(item *yaml.Node, f string) {
		var s string
		d.str(item, f, &s)
		out = append(out, s)
	})
	*dst = out
}

func (d *decoder) strMap(n *yaml.Node, path string, dst *map[string]string) {
	if isNull(n) {
		return
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, path, "must be a mapping, not %s", kindName(n))
		return
	}
	m := map[string]string{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		f := join(path, k.Value)
		if _, dup := m[k.Value]; dup {
			d.errorf(k, f, "duplicate key")
			continue
		}
		d.pos[f] = pos{v.Line, v.Column}
		var s string
		d.str(v, f, &s)
		m[k.Value] = s
	}
	*dst = m
}

func (d *decoder) int(n *yaml.Node, path string, dst *int) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(strings.TrimSpace(s), "_", ""), 0, 0)
	if err != nil {
		d.errorf(n, path, "%q is not an integer", s)
		return
	}
	*dst = int(v)
}

func (d *decoder) float(n *yaml.Node, path string, dst *float64) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
	if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
		d.errorf(n, path, "%q is not a number", s)
		return
	}
	*dst = v
}

func (d *decoder) bool(n *yaml.Node, path string, dst *bool) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "true":
		*dst = true
	case "false":
		*dst = false
	default:
		d.errorf(n, path, "%q is not a boolean (true or false)", s)
	}
}

func (d *decoder) duration(n *yaml.Node, path string, dst *time.Duration) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	s = strings.TrimSpace(s)
	if n, err := strconv.ParseFloat(s, 64); err == nil && !math.IsNaN(n) && !math.IsInf(n, 0) && math.Abs(n) < 1e9 {
		// A bare number is seconds, as in robots.txt crawl-delay
		// and Scrapy's DOWNLOAD_DELAY.
		*dst = time.Duration(n * float64(time.Second))
		return
	}
	v, err := time.ParseDuration(s)
	if err != nil {
		d.errorf(n, path, "%q is not a duration (like 250ms, 20s, 1m30s)", s)
		return
	}
	*dst = v
}

// size decodes a byte count: a plain integer or one with a binary unit
// (KB/KiB, MB/MiB, GB/GiB are all powers of 1024), like 10MB.
func (d *decoder) size(n *yaml.Node, path string, dst *int64) {
	s, ok := d.scalar(n, path)
	if !ok {
		return
	}
	v, err := parseSize(s)
	if err != nil {
		d.errorf(n, path, "%q is not a size (like 10485760 or 10MB)", s)
		return
	}
	*dst = v
}

func parseSize(s string) (int64, error) {
	t := strings.ToUpper(strings.ReplaceAll(strings.TrimSpace(s), " ", ""))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KIB", 1 << 10}, {"MIB", 1 << 20}, {"GIB", 1 << 30}, {"KB", 1 << 10}, {"MB", 1 << 20}, {"GB", 1 << 30}, {"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSuffix(t, u.suffix), u.mult
			break
		}
	}
	v, err := strconv.ParseInt(strings.ReplaceAll(t, "_", ""), 10, 64)
	if err != nil {
		return 0, err
	}
	if v > math.MaxInt64/mult || v < math.MinInt64/mult {
		return 0, strconv.ErrRange
	}
	return v * mult, nil
}

// bodyTemplate reads a POST feed's body template: ${ENV} references are
// expanded, the page variables (${page}, ${offset}, ${cursor}) are kept
// for the crawler to fill in on every page.
func (d *decoder) bodyTemplate(n *yaml.Node, path string, dst *string) {
	if isNull(n) {
		*dst = ""
		return
	}
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, "must be a scalar, not %s (write the body as a quoted string or a | block)", kindName(n))
		return
	}
	// Page variables are hidden from expand as "$${name}", which it turns
	// back into "${name}".
	v := n.Value
	for _, name := range precwatch.JSONPageVars {
		v = strings.ReplaceAll(v, "${"+name+"}", "$${"+name+"}")
	}
	s, err := expand(v, d.getenv)
	if err != nil {
		d.errorf(n, path, "%v", err)
		return
	}
	*dst = s
}

// expand replaces ${NAME} with getenv(NAME); "$${" is a literal "${". A
// reference to an unset (empty) variable or a malformed reference is an
// error; a "$" not followed by "{" is kept as it is.
func expand(s string, getenv func(string) string) (string, error) {
	if !strings.Contains(s, "${") {
		return s, nil
	}
	var b strings.Builder
	var missing []string
	for i := 0; i < len(s); {
		if strings.HasPrefix(s[i:], "$${") {
			b.WriteString("${")
			i += 3
			continue
		}
		if !strings.HasPrefix(s[i:], "${") {
			b.WriteByte(s[i])
			i++
			continue
		}
		end := strings.IndexByte(s[i:], '}')
		if end < 0 {
			return "", fmt.Errorf("unterminated ${ in %q", s)
		}
		name := s[i+2 : i+end]
		if !envName.MatchString(name) {
			return "", fmt.Errorf("bad variable name ${%s} (want letters, digits and _; $${ for a literal ${)", name)
		}
		v := ""
		if getenv != nil {
			v = getenv(name)
		}
		if v == "" {
			missing = append(missing, name)
		}
		b.WriteString(v)
		i += end + 1
	}
	switch len(missing) {
	case 0:
	case 1:
		return "", fmt.Errorf("environment variable %s is not set (set it in precwatch's environment, e.g. export %s=…)", missing[0], missing[0])
	default:
		return "", fmt.Errorf("environment variables %s are not set (set them in precwatch's environment, e.g. export %s=…)", strings.Join(missing, ", "), missing[0])
	}
	return b.String(), nil
}

var envName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)
