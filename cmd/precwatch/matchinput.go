package main

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/mail"
	"net/url"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/crawler/extract"
	"github.com/precwatch/precwatch/matchers"
)

// textFields are the listing fields of the match contract that hold text
// to match.
var textFields = []string{"title", "description", "price", "seller", "location", "attributes"}

// decodeListing reads one listing object of `precwatch match` input. The
// contract's fields are strings, but exports from other tools write ids and
// prices as numbers, sellers as {"name": …} objects, null for a missing
// value and attributes of any JSON type; they are read as the text they
// stand for instead of rejecting the line. A field name matches in any
// case when no key has it exactly ("Title"), as encoding/json matches
// struct fields; of duplicate keys the last counts. Fields the contract
// does not name (labels, internal ids) are ignored: they are no listing
// text. A line of `crawl --listings` ({"listing": {…}, "match": {…}}) is
// read as its listing. When the object has none of the contract's text
// fields (title, description, price, seller, location, attributes), keys
// lists the keys it has (sorted) for a warning; else keys is nil.
func decodeListing(data []byte) (l precwatch.Listing, keys []string, err error) {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return l, nil, fmt.Errorf("a listing is a JSON object, not %s", te.Value)
		}
		return l, nil, err
	}
	if obj == nil {
		return l, nil, errors.New("a listing is a JSON object, not null")
	}
	lookup := func(name string) (json.RawMessage, bool) {
		if raw, ok := obj[name]; ok {
			return raw, true
		}
		// Of several keys that differ in case only ("TITLE", "Title"),
		// the first in sort order, so that the result does not depend on
		// map order.
		best, found := "", false
		for k := range obj {
			if strings.EqualFold(k, name) && (!found || k < best) {
				best, found = k, true
			}
		}
		return obj[best], found
	}
	found := false
	for _, f := range textFields {
		if _, ok := lookup(f); ok {
			found = true
			break
		}
	}
	if raw, ok := lookup("listing"); !found && ok {
		if raw = bytes.TrimSpace(raw); len(raw) > 0 && raw[0] == '{' {
			l, keys, err := decodeListing(raw)
			if err != nil {
				return l, nil, fmt.Errorf("field listing: %w", err)
			}
			return l, keys, nil
		}
	}
	if !found {
		keys = make([]string, 0, len(obj))
		for k := range obj {
			keys = append(keys, k)
		}
		slices.Sort(keys)
	}
	fields := []struct {
		name string
		dst  *string
	}{
		{"id", &l.ID}, {"platform", &l.Platform}, {"target", &l.Target}, {"url", &l.URL},
		{"title", &l.Title}, {"description", &l.Description}, {"price", &l.Price},
		{"seller", &l.Seller}, {"location", &l.Location},
	}
	for _, f := range fields {
		raw, ok := lookup(f.name)
		if !ok {
			continue
		}
		s, err := jsonText(raw)
		if err != nil {
			return l, nil, fmt.Errorf("field %s: %w", f.name, err)
		}
		*f.dst = s
	}
	if raw, ok := lookup("attributes"); ok {
		attrs, err := jsonAttributes(raw)
		if err != nil {
			return l, nil, fmt.Errorf("field attributes: %w", err)
		}
		l.Attributes = attrs
	}
	return l, keys, nil
}

// jsonText is the text a JSON value stands for: a string as is, a number
// as written, true/false, "" for null; an object by its "name" (or "value",
// "text", else its values in order), an array by its items joined with
// ", ". The value is decoded once (parseJSON), so that deep nesting costs
// time and memory linear in its length.
func jsonText(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	if raw[0] == '"' {
		// A string, the common case: decoded without a token stream (a
		// json.Decoder and its buffer for every field was most of the
		// cost of reading a listing).
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", err
		}
		return s, nil
	}
	n, err := parseJSON(raw)
	if err != nil {
		return "", err
	}
	return n.text(), nil
}

// jsonNode is a decoded JSON value: an object's keys and values in
// document order, an array's items, or a scalar's text (a string decoded,
// a number as written, true or false).
type jsonNode struct {
	kind byte // '{', '[', '"' (string, number, true, false) or 'n' (null)
	lit  string
	keys []string
	vals []*jsonNode
}

// parseJSON decodes one JSON value.
func parseJSON(raw []byte) (*jsonNode, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber() // numbers as written
	n, err := parseJSONNode(dec)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("invalid JSON value %.20q", raw)
	}
	return n, nil
}

func parseJSONNode(dec *json.Decoder) (*jsonNode, error) {
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := t.(type) {
	case json.Delim:
		n := &jsonNode{kind: byte(v)}
		for dec.More() {
			if v == '{' {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				s, _ := k.(string)
				n.keys = append(n.keys, s)
			}
			c, err := parseJSONNode(dec)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, c)
		}
		if _, err := dec.Token(); err != nil { // } or ]
			return nil, err
		}
		return n, nil
	case string:
		return &jsonNode{kind: '"', lit: v}, nil
	case json.Number:
		return &jsonNode{kind: '"', lit: string(v)}, nil
	case bool:
		return &jsonNode{kind: '"', lit: strconv.FormatBool(v)}, nil
	}
	return &jsonNode{kind: 'n'}, nil
}

// text is the text n stands for (jsonText).
func (n *jsonNode) text() string {
	if n.kind == '"' {
		return n.lit
	}
	return string(n.appendText(nil))
}

// appendText appends the text n stands for to b: the texts of an array's
// items (an object's values) that are not empty, joined.
func (n *jsonNode) appendText(b []byte) []byte {
	switch n.kind {
	case '"':
		return append(b, n.lit...)
	case '{':
		for _, pref := range []string{"name", "value", "text"} {
			for i, k := range n.keys {
				if strings.EqualFold(k, pref) {
					return n.vals[i].appendText(b)
				}
			}
		}
		return joinJSON(b, n.vals, " ")
	case '[':
		return joinJSON(b, n.vals, ", ")
	}
	return b // null
}

// joinJSON appends the texts of vals that are not empty to b, joined by
// sep.
func joinJSON(b []byte, vals []*jsonNode, sep string) []byte {
	start := len(b)
	for _, v := range vals {
		mark := len(b)
		if mark > start {
			b = append(b, sep...)
		}
		with := len(b)
		if b = v.appendText(b); len(b) == with {
			b = b[:mark] // empty: no separator
		}
	}
	return b
}

// jsonAttributes reads attributes given as an object of any values, an
// array of {"name"|"key"|"label": …, "value": …} pairs, or an array of
// plain values (keyed by position).
func jsonAttributes(raw json.RawMessage) (map[string]string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 || raw[0] == 'n' {
		return nil, nil
	}
	n, err := parseJSON(raw)
	if err != nil {
		return nil, err
	}
	attrs := map[string]string{}
	switch n.kind {
	case '{':
		for i, k := range n.keys {
			attrs[k] = n.vals[i].text()
		}
	case '[':
		for i, it := range n.vals {
			key, val := strconv.Itoa(i), it
			if it.kind == '{' {
				var k, v *jsonNode
				for j, name := range it.keys {
					switch strings.ToLower(name) {
					case "name", "key", "label":
						k = it.vals[j]
					case "value":
						v = it.vals[j]
					}
				}
				if k != nil && v != nil {
					if ks := k.text(); ks != "" {
						key, val = ks, v
					}
				}
			}
			attrs[key] = val.text()
		}
	default:
		attrs["attributes"] = n.text()
	}
	if len(attrs) == 0 {
		return nil, nil
	}
	return attrs, nil
}

// readJSONValues reads a stream of JSON values that is not one listing a
// line: a JSON array of listings, or objects spread over several lines
// (pretty-printed), also separated by commas. Each listing is handed to add
// with its source (file:line where it starts). A value that is no listing
// (no object, malformed JSON, longer than maxLine) is reported by the line
// it starts on and its position (listing N) and skipped, and the values
// after it are still read: values are delimited by their brackets and
// strings (jsonStream.value), and when one turns out malformed and holds a
// later line that starts with "{" no deeper than it does, it is taken to
// end before that line (a missing bracket or quote) and reading goes on
// from there. A listing is held only up to maxLine; when one that cannot
// be held runs unclosed to the end of the input, or giving bytes back to
// resynchronise would read the input more than about twice, the rest of
// the file is reported as not read. The error returned is one of the
// input (a read error, or gzipped input over maxDecompressed).
func readJSONValues(r io.Reader, name string, add func(l precwatch.Listing, keys []string, src string), bad func(msg string)) error {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, 1<<16)
	}
	s := &jsonStream{br: br, line: 1, budget: 2*int64(maxLine) + 1<<20}
	n := 0
	inArray, arrayLine := false, 0
	for {
		c, err := s.skipSpace()
		if errors.Is(err, io.EOF) {
			if inArray {
				bad(fmt.Sprintf("%s:%d: malformed JSON: the array that starts on line %d has no closing ]", name, s.line, arrayLine))
			}
			return nil
		}
		if err != nil {
			return err
		}
		switch {
		case c == '[' && !inArray:
			arrayLine = s.line
			s.next()
			inArray = true
			continue
		case c == ']' && inArray:
			s.next()
			inArray = false
			continue
		case c == ',': // between items, or after objects separated by commas
			s.next()
			continue
		}
		v, err := s.value()
		if err != nil {
			return err
		}
		n++
		src := fmt.Sprintf("%s:%d", name, v.line)
		if v.over {
			if v.closed {
				lines := ""
				if v.end > v.line {
					lines = fmt.Sprintf(" (lines %d-%d)", v.line, v.end)
				}
				bad(fmt.Sprintf("%s: listing %d: malformed listing: over %s%s", src, n, sizeText(int64(maxLine)), lines))
				continue
			}
			bad(fmt.Sprintf("%s: listing %d: malformed listing: over %s and not closed; the rest of %s from line %d was not read", src, n, sizeText(int64(maxLine)), name, v.line))
			return nil
		}
		l, keys, err := decodeListing(v.raw)
		if err == nil {
			add(l, keys, src)
			continue
		}
		var se *json.SyntaxError
		if !errors.As(err, &se) {
			bad(fmt.Sprintf("%s: listing %d: malformed listing: %v", src, n, err))
			continue
		}
		if v.cut > 0 {
			back := int64(len(v.raw) - v.cut)
			if back > s.budget {
				bad(fmt.Sprintf("%s: listing %d: %s; the rest of %s from line %d was not read", src, n, syntaxAt(v.raw, v.line, err), name, v.lineOf(v.cut)))
				return nil
			}
			// The value ends before the line that may start the next
			// one: a missing bracket or quote.
			s.budget -= back
			piece := v.raw[:v.cut]
			_, _, perr := decodeListing(piece)
			if perr == nil { // cannot be: a prefix of an unclosed value
				perr = err
			}
			bad(fmt.Sprintf("%s: listing %d: %s", src, n, syntaxAt(piece, v.line, perr)))
			s.unread(v.raw[v.cut:], v.lineOf(v.cut))
			continue
		}
		msg := fmt.Sprintf("%s: listing %d: %s", src, n, syntaxAt(v.raw, v.line, err))
		if !v.closed && v.lineOf(len(v.raw)) > v.line {
			msg += fmt.Sprintf(" (not closed: lines %d-%d, to the end of the file, were skipped with it)", v.line, v.lineOf(len(v.raw)))
		}
		bad(msg)
	}
}

// syntaxAt describes the JSON error err of raw, a value that starts on
// line: by the line of the error when it is a later one.
func syntaxAt(raw []byte, line int, err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off := min(max(se.Offset-1, 0), int64(len(raw)))
		if l := line + bytes.Count(raw[:off], []byte{'\n'}); l > line {
			return fmt.Sprintf("malformed JSON on line %d: %v", l, err)
		}
		return fmt.Sprintf("malformed JSON: %v", err)
	}
	return "malformed listing: " + err.Error()
}

// jsonStream reads the values of a JSON stream one at a time by their
// structure (brackets and strings), without decoding them, so that a
// syntax error in one does not lose the others.
type jsonStream struct {
	br     *bufio.Reader
	pend   []byte // bytes given back, read before br
	line   int    // line of the next byte, from 1
	col    int    // bytes before the next byte on its line
	budget int64  // bytes that may still be given back
}

// jsonValue is one value of a jsonStream.
type jsonValue struct {
	raw       []byte // its bytes; nil when over
	over      bool   // longer than maxLine (not held)
	closed    bool   // it ended: a scalar, or its brackets balanced
	line, col int    // where it starts
	end       int    // the line of its last byte
	// cut is the offset in raw of the first later line that starts with
	// "{" no deeper than the value (no more indented), where the next
	// value may start if this one is malformed; -1 if none.
	cut int
}

// lineOf returns the line of byte off of v.
func (v *jsonValue) lineOf(off int) int {
	return v.line + bytes.Count(v.raw[:off], []byte{'\n'})
}

func (s *jsonStream) peek() (byte, error) {
	if len(s.pend) > 0 {
		return s.pend[0], nil
	}
	b, err := s.br.Peek(1)
	if len(b) == 0 {
		if err == nil {
			err = io.EOF
		}
		return 0, err
	}
	return b[0], nil
}

func (s *jsonStream) next() (byte, error) {
	var c byte
	if len(s.pend) > 0 {
		c, s.pend = s.pend[0], s.pend[1:]
	} else {
		var err error
		if c, err = s.br.ReadByte(); err != nil {
			return 0, err
		}
	}
	if c == '\n' {
		s.line, s.col = s.line+1, 0
	} else {
		s.col++
	}
	return c, nil
}

// unread gives b back, to be read again from its start, which is at the
// start of line.
func (s *jsonStream) unread(b []byte, line int) {
	s.pend = append(slices.Clip(b), s.pend...)
	s.line, s.col = line, 0
}

// skipSpace skips JSON white space and returns the next byte.
func (s *jsonStream) skipSpace() (byte, error) {
	for {
		c, err := s.peek()
		if err != nil {
			return 0, err
		}
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return c, nil
		}
		s.next()
	}
}

// value reads the value that starts at the next byte (no white space): an
// object or array to its closing bracket, a string to its closing quote,
// else a scalar to the next delimiter. A JSON string holds no line break,
// so a line break ends one whatever the quotes say. It reads at least one
// byte.
func (s *jsonStream) value() (jsonValue, error) {
	v := jsonValue{line: s.line, col: s.col, end: s.line, cut: -1}
	hold := func(c byte) {
		switch {
		case v.over:
		case len(v.raw) >= maxLine:
			v.over, v.raw = true, nil
		default:
			v.raw = append(v.raw, c)
		}
	}
	c, err := s.next()
	if err != nil {
		return v, err
	}
	hold(c)
	if c != '{' && c != '[' {
		v.closed = true
		str, esc := c == '"', false
		for {
			c, err := s.peek()
			if errors.Is(err, io.EOF) {
				return v, nil
			}
			if err != nil {
				return v, err
			}
			if str {
				if c == '\n' {
					return v, nil
				}
				s.next()
				hold(c)
				switch {
				case esc:
					esc = false
				case c == '\\':
					esc = true
				case c == '"':
					return v, nil
				}
				continue
			}
			switch c {
			case ' ', '\t', '\r', '\n', ',', ']', '}', '[', '{', '"':
				return v, nil
			}
			s.next()
			hold(c)
		}
	}
	depth, str, esc := 1, false, false
	atStart, indent, lineOff := false, 0, 0 // in a line's indentation
	for {
		v.end = s.line
		c, err := s.next()
		if errors.Is(err, io.EOF) {
			if v.end = s.line; s.col == 0 && v.end > v.line {
				v.end-- // the file ends with a line break
			}
			return v, nil
		}
		if err != nil {
			return v, err
		}
		if c == '\n' {
			hold(c)
			str, esc = false, false
			atStart, indent, lineOff = true, 0, len(v.raw)
			continue
		}
		if atStart {
			if c == ' ' || c == '\t' || c == '\r' {
				hold(c)
				indent++
				continue
			}
			atStart = false
			if c == '{' && indent <= v.col && v.cut < 0 && !v.over {
				v.cut = lineOff
			}
		}
		hold(c)
		switch {
		case str:
			switch {
			case esc:
				esc = false
			case c == '\\':
				esc = true
			case c == '"':
				str = false
			}
		case c == '"':
			str = true
		case c == '{' || c == '[':
			depth++
		case c == '}' || c == ']':
			if depth--; depth == 0 {
				v.closed = true
				return v, nil
			}
		}
	}
}

// documentListing turns a whole file into a listing. Text is decoded from
// its charset (see decodeDocument). An HTML page becomes the listing it
// shows (matchers.ParseHTMLDocument): its canonical URL, its title, its
// platform (og:site_name) and the visible text of its main content as the
// description, with navigation, related-product blocks, cookie banners
// and hidden elements left out (and the text of its embedded application
// state when it shows next to none); schema.org product data (JSON-LD,
// microdata, OpenGraph product tags, read by crawler/extract) adds the
// price, seller, location and product attributes, and its description
// when the page does not show it. Other files are their text as the
// description. The id is the file name, so results map back to inputs.
func documentListing(name string, data []byte) precwatch.Listing {
	l := precwatch.Listing{ID: name}
	var text, location string
	var frames []string
	if a, ok := readMHTML(name, data); ok {
		text, location, frames = a.page, a.location, a.frames
	} else {
		isHTML := looksHTML(name, data)
		text = decodeDocument(data, isHTML)
		if !isHTML {
			l.Description = text
			return l
		}
	}
	d := matchers.ParseHTMLDocument([]byte(text))
	l.URL, l.Title, l.Platform, l.Description = d.URL, d.Title, d.SiteName, d.Text
	if l.URL == "" && location != "" {
		l.URL = location
	}
	for _, f := range frames {
		// Frames saved with the page (a seller's description in an
		// iframe) are part of what it shows.
		if t := matchers.ParseHTMLDocument([]byte(f)).Text; strings.TrimSpace(t) != "" {
			l.Description += "\n\n" + t
		}
	}
	if d.ScriptText != "" {
		// A client-rendered page saved unrendered: its state is its text.
		if l.Description != "" {
			l.Description += "\n\n"
		}
		l.Description += d.ScriptText
	}
	addStructured(&l, []byte(text))
	return l
}

// microdataProduct finds a schema.org Product marked in microdata.
var microdataProduct = regexp.MustCompile(`(?i)itemtype\s*=\s*["']?https?://schema\.org/(Product|IndividualProduct|ProductModel)\b`)

// addStructured fills l from the page's schema.org product data when the
// page describes exactly one product (a catalogue page's many products are
// read from its visible text), and, for microdata, when that product is
// part of the listing's text (not a related-products card).
func addStructured(l *precwatch.Listing, page []byte) {
	base := l.URL
	if base == "" {
		base = "http://document.invalid/"
	}
	p, err := extract.HTML(&precwatch.Target{Name: "document", Kind: "html"}, base, page)
	if err != nil || len(p.Listings) != 1 {
		return
	}
	s := p.Listings[0]
	if s.Title != "" && len(l.Description) >= 200 && microdataProduct.Match(page) &&
		!strings.Contains(foldSpace(l.Title+" "+l.Description), foldSpace(s.Title)) {
		// Microdata marks a product the page shows nowhere in what is
		// left of it: a card of a related-products block.
		return
	}
	if s.Title != "" {
		l.Title = s.Title
	}
	if s.Description != "" && !strings.Contains(foldSpace(l.Description), foldSpace(s.Description)) {
		// Shown nowhere on the page (or only in a part left out): the
		// seller's own description of the product still counts.
		if l.Description != "" {
			l.Description += "\n\n"
		}
		l.Description += s.Description
	}
	l.Price, l.Seller, l.Location = s.Price, s.Seller, s.Location
	for k, v := range s.Attributes {
		switch k {
		case "image", "availability":
			continue
		}
		if l.Attributes == nil {
			l.Attributes = map[string]string{}
		}
		l.Attributes[k] = v
	}
}

// foldSpace lower-cases s and collapses its white space, to compare texts
// that differ only in line breaks.
func foldSpace(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// mhtml is a page saved as a web archive (Chrome's "Save as… single file",
// .mhtml/.mht): its main HTML document and its frames, decoded to UTF-8.
type mhtml struct {
	page     string
	location string // the saved page's URL
	frames   []string
}

// maxMHTMLFrames bounds the frames read from a web archive.
const maxMHTMLFrames = 16

// adHosts serve advertising frames, which are no part of a listing.
var adHosts = []string{"doubleclick.", "googlesyndication.", "googleadservices.", "adservice.", "amazon-adsystem.",
	"criteo.", "taboola.", "outbrain.", "adnxs.", "moatads.", "ads."}

// readMHTML reads a MIME web archive (multipart/related): the first
// text/html part is the page, later ones its frames (advertising frames
// left out). ok is false for anything else.
func readMHTML(name string, data []byte) (a mhtml, ok bool) {
	ext := strings.ToLower(filepath.Ext(name))
	head := bytes.ToLower(data[:min(len(data), 4096)])
	if ext != ".mhtml" && ext != ".mht" && !(bytes.Contains(head, []byte("mime-version:")) && bytes.Contains(head, []byte("multipart/related"))) {
		return a, false
	}
	msg, err := mail.ReadMessage(bytes.NewReader(data))
	if err != nil {
		return a, false
	}
	mt, params, err := mime.ParseMediaType(msg.Header.Get("Content-Type"))
	if err != nil || !strings.HasPrefix(mt, "multipart/") || params["boundary"] == "" {
		return a, false
	}
	a.location = strings.TrimSpace(msg.Header.Get("Snapshot-Content-Location"))
	mr := multipart.NewReader(msg.Body, params["boundary"])
	for len(a.frames) < maxMHTMLFrames {
		part, err := mr.NextPart()
		if err != nil {
			break
		}
		text, isHTML := mhtmlHTML(part)
		if !isHTML {
			continue
		}
		loc := strings.TrimSpace(part.Header.Get("Content-Location"))
		switch {
		case !ok:
			a.page, ok = text, true
			if a.location == "" {
				a.location = loc
			}
		case !adFrame(loc):
			a.frames = append(a.frames, text)
		}
	}
	if a.location != "" && !strings.HasPrefix(strings.ToLower(a.location), "http") {
		a.location = ""
	}
	return a, ok
}

// mhtmlHTML returns the text of a web archive's part decoded to UTF-8
// (quoted-printable or base64, then its charset); ok is false when the
// part is no HTML or holds nothing readable.
func mhtmlHTML(part *multipart.Part) (text string, ok bool) {
	pt, pp, _ := mime.ParseMediaType(part.Header.Get("Content-Type"))
	if pt != "text/html" {
		return "", false
	}
	var r io.Reader = part // quoted-printable is decoded by multipart
	if strings.EqualFold(strings.TrimSpace(part.Header.Get("Content-Transfer-Encoding")), "base64") {
		r = base64.NewDecoder(base64.StdEncoding, part)
	}
	body, err := io.ReadAll(io.LimitReader(r, 64<<20))
	if err != nil && len(body) == 0 {
		return "", false
	}
	if e, _ := charset.Lookup(pp["charset"]); e != nil && !utf8.Valid(body) {
		if dec, err := e.NewDecoder().Bytes(body); err == nil && len(dec) > 0 {
			return string(dec), true
		}
	}
	return decodeDocument(body, true), true
}

// adFrame reports whether a frame at loc is served by an advertising host.
func adFrame(loc string) bool {
	u, err := url.Parse(loc)
	if err != nil {
		return false
	}
	host := strings.ToLower(u.Hostname())
	for _, h := range adHosts {
		if strings.HasPrefix(host, h) || strings.Contains(host, "."+h) {
			return true
		}
	}
	return false
}

// decodeDocument returns a document's text as UTF-8. A byte-order mark
// decides; then bytes that are valid UTF-8 are UTF-8 whatever a stale
// <meta charset> says (pages re-saved by an editor keep the old
// declaration); then an HTML page's declared charset (<meta charset>,
// <meta http-equiv="Content-Type">); an undeclared legacy charset is guessed
// among windows-1251, KOI8-R, GB18030, Shift_JIS and windows-1252 by how
// plausible each decoding reads (extract.GuessCharset).
func decodeDocument(data []byte, isHTML bool) string {
	if e, _, certain := charset.DetermineEncoding(data, ""); certain {
		if dec, err := e.NewDecoder().Bytes(data); err == nil {
			return strings.TrimPrefix(string(dec), "\ufeff")
		}
	}
	if utf8.Valid(data) {
		return string(data)
	}
	if isHTML {
		e, name, _ := charset.DetermineEncoding(data, "text/html")
		if name != "utf-8" && (name != "windows-1252" || declaresCharset(data)) {
			if dec, err := e.NewDecoder().Bytes(data); err == nil {
				return string(dec)
			}
		}
	}
	text, _ := extract.GuessCharset(data)
	return string(text)
}

// declaresCharset reports whether the start of an HTML page declares a
// charset (DetermineEncoding answers windows-1252 both for a declared
// Latin-1 page and for a page that declares nothing).
func declaresCharset(data []byte) bool {
	head := bytes.ToLower(data[:min(len(data), 1024)])
	return bytes.Contains(head, []byte("charset"))
}
