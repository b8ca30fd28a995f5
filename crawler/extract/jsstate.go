package extract

import (
	"encoding/json"
	"errors"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// App state that is not JSON: the JavaScript object literals Nuxt 2 writes
// (window.__NUXT__={layout:"default",…}, unquoted keys), also as the call
// of a function whose parameters hold the values used more than once
// (window.__NUXT__=(function(a,b){return {…}}("EUR",null))); Nuxt 3's
// payload, flattened by devalue into <script id="__NUXT_DATA__">; and the
// React Server Components stream of Next.js' app router
// (self.__next_f.push([1,"…"])).

// maxJSDepth bounds how deeply a JavaScript literal or a devalue payload
// nests.
const maxJSDepth = 256

var errJS = errors.New("not a javascript literal")

// jsParser reads a JavaScript literal: objects, arrays, strings in either
// quote, numbers, true/false/null/undefined, void 0, !0 and !1, and the
// identifiers that env binds (a state function's parameters).
type jsParser struct {
	s     string
	i     int
	env   map[string]any
	depth int
}

func (p *jsParser) space() {
	for p.i < len(p.s) {
		switch c := p.s[p.i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			p.i++
		case c == '/' && p.i+1 < len(p.s) && p.s[p.i+1] == '*':
			end := strings.Index(p.s[p.i+2:], "*/")
			if end < 0 {
				p.i = len(p.s)
				return
			}
			p.i += end + 4
		case c == '/' && p.i+1 < len(p.s) && p.s[p.i+1] == '/':
			end := strings.IndexByte(p.s[p.i:], '\n')
			if end < 0 {
				p.i = len(p.s)
				return
			}
			p.i += end
		default:
			return
		}
	}
}

func (p *jsParser) peek() byte {
	p.space()
	if p.i >= len(p.s) {
		return 0
	}
	return p.s[p.i]
}

func (p *jsParser) eat(c byte) bool {
	if p.peek() == c {
		p.i++
		return true
	}
	return false
}

func isIdentStart(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentPart(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

func (p *jsParser) ident() string {
	p.space()
	j := p.i
	if j >= len(p.s) || !isIdentStart(p.s[j]) {
		return ""
	}
	for j < len(p.s) && isIdentPart(p.s[j]) {
		j++
	}
	id := p.s[p.i:j]
	p.i = j
	return id
}

func (p *jsParser) value() (any, error) {
	if p.depth++; p.depth > maxJSDepth {
		return nil, errJS
	}
	defer func() { p.depth-- }()
	switch c := p.peek(); {
	case c == '{':
		return p.object()
	case c == '[':
		return p.array()
	case c == '"' || c == '\'':
		return p.str()
	case (c == '-' || c == '+') && strings.HasPrefix(p.s[p.i+1:], "Infinity"):
		p.i += 1 + len("Infinity")
		return nil, nil // as Infinity: no number JSON can hold
	case c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9':
		return p.number()
	case c == '!':
		// Minifiers write true and false as !0 and !1.
		p.i++
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		return !truthy(v), nil
	case isIdentStart(c):
		id := p.ident()
		switch id {
		case "true":
			return true, nil
		case "false":
			return false, nil
		case "null", "undefined", "NaN", "Infinity":
			return nil, nil
		case "void":
			if _, err := p.value(); err != nil {
				return nil, err
			}
			return nil, nil
		}
		if v, ok := p.env[id]; ok {
			return v, nil
		}
		return nil, errJS
	}
	return nil, errJS
}

func truthy(v any) bool {
	switch v := v.(type) {
	case nil:
		return false
	case bool:
		return v
	case string:
		return v != ""
	case json.Number:
		f, err := v.Float64()
		return err == nil && f != 0 && !math.IsNaN(f)
	}
	return true
}

func (p *jsParser) object() (any, error) {
	p.i++ // {
	m := map[string]any{}
	for {
		if p.eat('}') {
			return m, nil
		}
		var key string
		switch c := p.peek(); {
		case c == '"' || c == '\'':
			k, err := p.str()
			if err != nil {
				return nil, err
			}
			key = k.(string)
		case c >= '0' && c <= '9':
			n, err := p.number()
			if err != nil {
				return nil, err
			}
			key = n.(json.Number).String()
		default:
			if key = p.ident(); key == "" {
				return nil, errJS
			}
		}
		if !p.eat(':') {
			return nil, errJS
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		m[key] = v
		if !p.eat(',') {
			if p.eat('}') {
				return m, nil
			}
			return nil, errJS
		}
	}
}

func (p *jsParser) array() (any, error) {
	p.i++ // [
	a := []any{}
	for {
		if p.eat(']') {
			return a, nil
		}
		v, err := p.value()
		if err != nil {
			return nil, err
		}
		a = append(a, v)
		if !p.eat(',') {
			if p.eat(']') {
				return a, nil
			}
			return nil, errJS
		}
	}
}

func (p *jsParser) str() (any, error) {
	q := p.s[p.i]
	p.i++
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		switch {
		case c == q:
			p.i++
			return b.String(), nil
		case c == '\n':
			return nil, errJS
		case c != '\\':
			b.WriteByte(c)
			p.i++
			continue
		}
		p.i++ // backslash
		if p.i >= len(p.s) {
			return nil, errJS
		}
		e := p.s[p.i]
		p.i++
		switch e {
		case 'n':
			b.WriteByte('\n')
		case 't':
			b.WriteByte('\t')
		case 'r':
			b.WriteByte('\r')
		case 'b':
			b.WriteByte('\b')
		case 'f':
			b.WriteByte('\f')
		case 'v':
			b.WriteByte('\v')
		case '0':
			b.WriteByte(0)
		case '\n':
			// a line continuation
		case 'x':
			if p.i+2 > len(p.s) {
				return nil, errJS
			}
			n, err := strconv.ParseUint(p.s[p.i:p.i+2], 16, 8)
			if err != nil {
				return nil, errJS
			}
			b.WriteRune(rune(n))
			p.i += 2
		case 'u':
			r, err := p.unicodeEscape()
			if err != nil {
				return nil, err
			}
			b.WriteRune(r)
		default:
			b.WriteByte(e)
		}
	}
	return nil, errJS
}

// unicodeEscape reads the XXXX or {X…} after \u, joining a surrogate pair.
func (p *jsParser) unicodeEscape() (rune, error) {
	hex := func() (rune, error) {
		if strings.HasPrefix(p.s[p.i:], "{") {
			end := strings.IndexByte(p.s[p.i:], '}')
			if end < 0 {
				return 0, errJS
			}
			n, err := strconv.ParseUint(p.s[p.i+1:p.i+end], 16, 32)
			if err != nil {
				return 0, errJS
			}
			p.i += end + 1
			return rune(n), nil
		}
		if p.i+4 > len(p.s) {
			return 0, errJS
		}
		n, err := strconv.ParseUint(p.s[p.i:p.i+4], 16, 16)
		if err != nil {
			return 0, errJS
		}
		p.i += 4
		return rune(n), nil
	}
	r, err := hex()
	if err != nil {
		return 0, err
	}
	if r >= 0xD800 && r < 0xDC00 && strings.HasPrefix(p.s[p.i:], `\u`) {
		save := p.i
		p.i += 2
		if lo, err := hex(); err == nil && lo >= 0xDC00 && lo < 0xE000 {
			return (r-0xD800)<<10 + (lo - 0xDC00) + 0x10000, nil
		}
		p.i = save
	}
	if !utf8.ValidRune(r) {
		return utf8.RuneError, nil
	}
	return r, nil
}

func (p *jsParser) number() (any, error) {
	p.space()
	j := p.i
	if j < len(p.s) && (p.s[j] == '-' || p.s[j] == '+') {
		j++
	}
	start := j
	if strings.HasPrefix(strings.ToLower(p.s[j:min(j+2, len(p.s))]), "0x") {
		k := j + 2
		for k < len(p.s) && strings.IndexByte("0123456789abcdefABCDEF", p.s[k]) >= 0 {
			k++
		}
		n, err := strconv.ParseInt(p.s[j+2:k], 16, 64)
		if err != nil {
			return nil, errJS
		}
		if p.s[p.i] == '-' {
			n = -n
		}
		p.i = k
		return json.Number(strconv.FormatInt(n, 10)), nil
	}
	for j < len(p.s) && (p.s[j] >= '0' && p.s[j] <= '9' || p.s[j] == '.' || p.s[j] == 'e' || p.s[j] == 'E' ||
		(p.s[j] == '-' || p.s[j] == '+') && (p.s[j-1] == 'e' || p.s[j-1] == 'E')) {
		j++
	}
	lit := p.s[start:j]
	if lit == "" {
		return nil, errJS
	}
	if _, err := strconv.ParseFloat(lit, 64); err != nil {
		return nil, errJS
	}
	if strings.HasPrefix(lit, ".") {
		lit = "0" + lit // .5 is JSON's 0.5
	}
	if strings.HasSuffix(lit, ".") {
		lit += "0"
	}
	if p.s[p.i] == '-' {
		lit = "-" + lit
	}
	p.i = j
	if !json.Valid([]byte(lit)) {
		// 012 or 1.e5: keep the number's value, not its spelling.
		f, _ := strconv.ParseFloat(lit, 64)
		lit = strconv.FormatFloat(f, 'f', -1, 64)
	}
	return json.Number(lit), nil
}

// decodeJSLiteral decodes the JavaScript object or array literal at the
// start of s, or the object a state function returns called with its
// arguments ((function(a,b){return {…}}(1,"x")), also written
// (function(a,b){…})(1,"x")).
func decodeJSLiteral(s string) (any, bool) {
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "(") {
		return decodeStateFunction(s)
	}
	p := &jsParser{s: s}
	if c := p.peek(); c != '{' && c != '[' {
		return nil, false
	}
	v, err := p.value()
	return v, err == nil
}

// decodeStateFunction evaluates the one kind of function app state is
// written as: a function expression called at once, whose body returns an
// object literal built from its parameters. Statements before the return
// are skipped.
func decodeStateFunction(s string) (any, bool) {
	p := &jsParser{s: s}
	p.i = 1 // (
	if p.ident() != "function" {
		return nil, false
	}
	if p.peek() != '(' {
		p.ident() // a named function
	}
	if !p.eat('(') {
		return nil, false
	}
	var params []string
	for !p.eat(')') {
		id := p.ident()
		if id == "" {
			return nil, false
		}
		params = append(params, id)
		p.eat(',')
	}
	if p.peek() != '{' {
		return nil, false
	}
	bodyStart := p.i + 1
	bodyEnd := matchBrace(s, p.i)
	if bodyEnd < 0 {
		return nil, false
	}
	p.i = bodyEnd + 1
	p.eat(')') // (function(){…})(…) rather than (function(){…}(…))
	if !p.eat('(') {
		return nil, false
	}
	env := make(map[string]any, len(params))
	for k := 0; !p.eat(')'); k++ {
		v, err := p.value()
		if err != nil {
			return nil, false
		}
		if k < len(params) {
			env[params[k]] = v
		}
		p.eat(',')
	}
	for _, name := range params {
		if _, ok := env[name]; !ok {
			env[name] = nil // a parameter without argument is undefined
		}
	}
	body := s[bodyStart:bodyEnd]
	ret := topLevelReturn(body)
	if ret < 0 {
		return nil, false
	}
	q := &jsParser{s: body, i: ret + len("return"), env: env}
	if c := q.peek(); c != '{' && c != '[' {
		return nil, false
	}
	v, err := q.value()
	return v, err == nil
}

// matchBrace returns the index of the brace closing the one at open,
// skipping strings and comments, or -1.
func matchBrace(s string, open int) int {
	depth := 0
	for i := open; i < len(s); i++ {
		switch c := s[i]; c {
		case '"', '\'', '`':
			i = skipString(s, i)
			if i < 0 {
				return -1
			}
		case '/':
			if i+1 < len(s) && s[i+1] == '*' {
				end := strings.Index(s[i+2:], "*/")
				if end < 0 {
					return -1
				}
				i += end + 3
			} else if i+1 < len(s) && s[i+1] == '/' {
				end := strings.IndexByte(s[i:], '\n')
				if end < 0 {
					return -1
				}
				i += end
			}
		case '{', '[', '(':
			depth++
		case '}', ']', ')':
			depth--
			if depth == 0 {
				if c != '}' {
					return -1
				}
				return i
			}
		}
	}
	return -1
}

// skipString returns the index of the quote closing the string opened at
// i, or -1.
func skipString(s string, i int) int {
	q := s[i]
	for j := i + 1; j < len(s); j++ {
		switch s[j] {
		case '\\':
			j++
		case q:
			return j
		}
	}
	return -1
}

// topLevelReturn returns the index of the last "return" at the top level of
// a function body (not inside strings or nested braces), or -1.
func topLevelReturn(body string) int {
	last := -1
	depth := 0
	for i := 0; i < len(body); i++ {
		switch c := body[i]; {
		case c == '"' || c == '\'' || c == '`':
			if i = skipString(body, i); i < 0 {
				return last
			}
		case c == '{' || c == '[' || c == '(':
			depth++
		case c == '}' || c == ']' || c == ')':
			depth--
		case depth == 0 && strings.HasPrefix(body[i:], "return") &&
			(i == 0 || !isIdentPart(body[i-1])) && (i+6 == len(body) || !isIdentPart(body[i+6])):
			last = i
		}
	}
	return last
}

// reviveDevalue rebuilds the value devalue flattened (Nuxt 3's
// __NUXT_DATA__ payload): a list whose first element is the root, every
// object or array holding the indexes of its values, and typed values as
// ["Type", …] (Reactive and Ref wrappers, Date, Set, Map). It reports false
// for a list that is not such a payload.
func reviveDevalue(v any) (any, bool) {
	arr, ok := v.([]any)
	if !ok || len(arr) == 0 {
		return nil, false
	}
	index := func(x any) (int, bool) {
		n, ok := x.(json.Number)
		if !ok {
			return 0, false
		}
		i, err := strconv.Atoi(n.String())
		return i, err == nil && i < len(arr)
	}
	done := make(map[int]any, len(arr))
	var hydrate func(i, depth int) any
	hydrate = func(i, depth int) any {
		if i < 0 || depth > maxJSDepth {
			return nil // undefined, null, NaN, ±Infinity, -0, holes
		}
		if v, ok := done[i]; ok {
			return v
		}
		switch x := arr[i].(type) {
		case map[string]any:
			m := make(map[string]any, len(x))
			done[i] = m
			for k, e := range x {
				if j, ok := index(e); ok {
					m[k] = hydrate(j, depth+1)
				}
			}
			return m
		case []any:
			if len(x) > 0 {
				if tag, ok := x[0].(string); ok {
					done[i] = nil // a value wrapping itself is nothing
					v := reviveTyped(tag, x[1:], func(e any) any {
						if j, ok := index(e); ok {
							return hydrate(j, depth+1)
						}
						return e
					})
					done[i] = v
					return v
				}
			}
			out := make([]any, len(x))
			done[i] = out
			for k, e := range x {
				if j, ok := index(e); ok {
					out[k] = hydrate(j, depth+1)
				}
			}
			return out
		default:
			return x
		}
	}
	return hydrate(0, 0), true
}

// reviveTyped rebuilds a devalue ["Type", …] value; ref hydrates an index.
func reviveTyped(tag string, args []any, ref func(any) any) any {
	switch tag {
	case "Date", "RegExp", "BigInt", "URL":
		if len(args) > 0 {
			return args[0]
		}
		return nil
	case "Set":
		out := make([]any, 0, len(args))
		for _, a := range args {
			out = append(out, ref(a))
		}
		return out
	case "Map", "null":
		m := map[string]any{}
		if tag == "null" {
			// An object without prototype: key, value index, …
			for k := 0; k+1 < len(args); k += 2 {
				if key, ok := args[k].(string); ok {
					m[key] = ref(args[k+1])
				}
			}
			return m
		}
		for k := 0; k+1 < len(args); k += 2 {
			m[render(ref(args[k]))] = ref(args[k+1])
		}
		return m
	case "EmptyRef", "EmptyShallowRef":
		return nil
	}
	// Reactive, ShallowReactive, Ref, ShallowRef, NuxtError, Island,
	// Object and the apps' own reducers wrap one value.
	if len(args) > 0 {
		return ref(args[0])
	}
	return nil
}

// nuxtData reports whether a script holds a Nuxt 3 payload.
func nuxtData(n *html.Node) bool {
	if id, _ := attr(n, "id"); id == "__NUXT_DATA__" {
		return true
	}
	_, ok := attr(n, "data-nuxt-data")
	return ok
}

// maxRSCObjects bounds the objects rscObjects collects from one page.
const maxRSCObjects = 20000

// rscObjects returns the objects of a Next.js app router page's React Server
// Components stream (self.__next_f.push([1,"…"]) scripts joined, one "id:
// value" row a line), in document order, with the rows' "$id" references
// resolved: a catalogue page's props, read as a feed's document.
func rscObjects(root *html.Node) []map[string]any {
	stream := rscStream(root)
	if stream == "" {
		return nil
	}
	rows := rscRows(stream)
	var out []map[string]any
	var collect func(v any, depth int)
	collect = func(v any, depth int) {
		if depth > maxJSDepth || len(out) >= maxRSCObjects {
			return
		}
		switch x := v.(type) {
		case map[string]any:
			out = append(out, x)
			for _, k := range sortedKeys(x) {
				collect(x[k], depth+1)
			}
		case []any:
			for _, e := range x {
				collect(e, depth+1)
			}
		}
	}
	for _, r := range rows {
		collect(resolveRSC(r.value, rows, 0), 0)
	}
	return out
}

// rscStream returns the React Server Components stream of a Next.js app
// router page: its self.__next_f.push([1,"…"]) chunks joined, or "".
func rscStream(root *html.Node) string {
	var stream strings.Builder
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Script {
			return
		}
		text := scriptContent(n)
		for {
			i := strings.Index(text, "__next_f.push(")
			if i < 0 {
				return
			}
			text = text[i+len("__next_f.push("):]
			dec := json.NewDecoder(strings.NewReader(text))
			var chunk []any
			if dec.Decode(&chunk) != nil {
				continue
			}
			if len(chunk) == 2 {
				if kind, _ := chunk[0].(float64); kind == 1 {
					if s, ok := chunk[1].(string); ok {
						stream.WriteString(s)
					}
				}
			}
		}
	})
	return stream.String()
}

type rscRow struct {
	id    string
	value any
}

// rscRows splits an RSC stream into its JSON rows ("5:{…}" and
// "8:[\"$\",…]"); module (I), hint (HL), error (E) and text (T) rows are
// skipped, a text row by its length.
func rscRows(s string) []rscRow {
	var rows []rscRow
	for len(s) > 0 {
		colon := strings.IndexByte(s, ':')
		if colon <= 0 {
			break
		}
		id := s[:colon]
		if strings.Trim(id, "0123456789abcdef") != "" {
			// Not at a row: skip to the next line.
			nl := strings.IndexByte(s, '\n')
			if nl < 0 {
				break
			}
			s = s[nl+1:]
			continue
		}
		rest := s[colon+1:]
		if strings.HasPrefix(rest, "T") {
			// T<hex length>,<text>: the text may hold newlines.
			comma := strings.IndexByte(rest, ',')
			n, err := strconv.ParseInt(rest[1:max(comma, 1)], 16, 64)
			if comma < 0 || err != nil || int(n) > len(rest)-comma-1 {
				break
			}
			s = rest[comma+1+int(n):]
			continue
		}
		line, next, _ := strings.Cut(rest, "\n")
		s = next
		if line == "" || isIdentStart(line[0]) && line[0] != 't' && line[0] != 'f' && line[0] != 'n' {
			continue // I[…], HL[…], E{…}
		}
		var v any
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		if dec.Decode(&v) == nil {
			rows = append(rows, rscRow{id: id, value: v})
		}
	}
	return rows
}

// resolveRSC returns v with its "$<hex id>" strings replaced by the rows
// they name (the stream moves shared or large values to rows of their own).
func resolveRSC(v any, rows []rscRow, depth int) any {
	if depth > 16 {
		return v
	}
	switch x := v.(type) {
	case string:
		if strings.HasPrefix(x, "$$") {
			return x[1:] // a string that starts with "$", escaped
		}
		if len(x) > 1 && x[0] == '$' && strings.Trim(x[1:], "0123456789abcdef") == "" {
			for _, r := range rows {
				if r.id == x[1:] {
					return resolveRSC(r.value, rows, depth+1)
				}
			}
		}
		return x
	case map[string]any:
		m := make(map[string]any, len(x))
		for k, e := range x {
			m[k] = resolveRSC(e, rows, depth+1)
		}
		return m
	case []any:
		a := make([]any, len(x))
		for i, e := range x {
			a[i] = resolveRSC(e, rows, depth+1)
		}
		return a
	}
	return v
}

func sortedKeys(m map[string]any) []string { return slices.Sorted(maps.Keys(m)) }
