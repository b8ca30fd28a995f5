package extract

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// React Router v7 (and Remix with single fetch) send the routes' loader
// data as a turbo-stream: one JSON array of values a line, index 0 the
// root; an object is {"_<key index>": <value index>}, an array the indexes
// of its elements, a special value ["D", …] (Date), ["P", id] (a promise
// that a later line "P<id>:[…]" resolves) and so on; negative indexes are
// null, undefined, NaN, ±Infinity, -0 and holes. A page enqueues the stream
// in its scripts (window.__reactRouterContext.streamController.enqueue("…"))
// and the single-fetch URL (/shop.data) answers it raw.

// maxTurboValues bounds the values one stream may hold.
const maxTurboValues = 1 << 20

// decodeTurboStream returns the value a turbo-stream stands for, with the
// promises its later lines resolve filled in, or false when s is not one.
func decodeTurboStream(s string) (any, bool) {
	first, rest, _ := strings.Cut(s, "\n")
	first = strings.TrimSpace(first)
	if !strings.HasPrefix(first, "[{") && !strings.HasPrefix(first, "[[") {
		return nil, false
	}
	values, ok := turboValues(first)
	if !ok || !turboRoot(values) {
		return nil, false
	}
	promises := map[int]int{} // promise id → index of its value
	for line := range strings.SplitSeq(rest, "\n") {
		id, val, ok := strings.Cut(strings.TrimSpace(line), ":")
		if !ok || !strings.HasPrefix(id, "P") {
			continue // an error (E<id>:) or an empty line
		}
		n, err := strconv.Atoi(id[1:])
		if err != nil {
			continue
		}
		if i, err := strconv.Atoi(val); err == nil {
			promises[n] = i // a constant: null, undefined, …
			continue
		}
		more, ok := turboValues(val)
		if !ok || len(values)+len(more) > maxTurboValues {
			continue
		}
		promises[n] = len(values)
		values = append(values, more...)
	}
	d := &turboDecoder{values: values, promises: promises, done: make(map[int]any)}
	return d.hydrate(0, 0), true
}

// turboValues decodes one line of values, numbers kept as written.
func turboValues(line string) ([]any, bool) {
	dec := json.NewDecoder(strings.NewReader(line))
	dec.UseNumber()
	var values []any
	if dec.Decode(&values) != nil || len(values) == 0 || len(values) > maxTurboValues {
		return nil, false
	}
	return values, true
}

// turboRoot reports whether values start with a root object written the
// turbo-stream way: every key "_<index>" of a string, every value an index
// (so a plain JSON array of objects is not mistaken for a stream).
func turboRoot(values []any) bool {
	m, ok := values[0].(map[string]any)
	if !ok || len(m) == 0 {
		return false
	}
	for k, v := range m {
		i, err := strconv.Atoi(strings.TrimPrefix(k, "_"))
		if !strings.HasPrefix(k, "_") || err != nil || i <= 0 || i >= len(values) {
			return false
		}
		if _, ok := values[i].(string); !ok {
			return false
		}
		if _, ok := turboIndex(v); !ok {
			return false
		}
	}
	return true
}

// turboIndex reads a value index.
func turboIndex(v any) (int, bool) {
	n, ok := v.(json.Number)
	if !ok {
		return 0, false
	}
	i, err := strconv.Atoi(n.String())
	return i, err == nil
}

type turboDecoder struct {
	values   []any
	promises map[int]int
	done     map[int]any
}

// hydrate returns the value at index i; a value referred to twice is built
// once (and a cycle reads as the object it returns to, as devalue's do).
func (d *turboDecoder) hydrate(i, depth int) any {
	if i < 0 || i >= len(d.values) || depth > maxJSDepth {
		return nil // null, undefined, NaN, ±Infinity, -0, a hole
	}
	if v, ok := d.done[i]; ok {
		return v
	}
	ref := func(v any) any {
		if j, ok := turboIndex(v); ok {
			return d.hydrate(j, depth+1)
		}
		return nil
	}
	switch x := d.values[i].(type) {
	case map[string]any:
		m := make(map[string]any, len(x))
		d.done[i] = m
		d.fill(m, x, depth)
		return m
	case []any:
		if len(x) > 0 {
			if tag, ok := x[0].(string); ok {
				d.done[i] = nil // a value wrapping itself is nothing
				v := d.typed(tag, x[1:], ref, depth)
				d.done[i] = v
				return v
			}
		}
		out := make([]any, len(x))
		d.done[i] = out
		for k, e := range x {
			out[k] = ref(e)
		}
		return out
	default:
		d.done[i] = x
		return x
	}
}

// fill sets m's members from a flattened object: "_<key index>": value.
func (d *turboDecoder) fill(m, flat map[string]any, depth int) {
	for k, v := range flat {
		ki, err := strconv.Atoi(strings.TrimPrefix(k, "_"))
		if err != nil || ki < 0 || ki >= len(d.values) {
			continue
		}
		key, ok := d.values[ki].(string)
		if !ok {
			continue
		}
		if j, ok := turboIndex(v); ok {
			m[key] = d.hydrate(j, depth+1)
		}
	}
}

// typed rebuilds a ["T", …] value: dates, URLs, big integers, regular
// expressions and symbols as their text, sets as lists, maps and
// prototype-less objects as objects, promises as what they resolved to.
func (d *turboDecoder) typed(tag string, args []any, ref func(any) any, depth int) any {
	switch tag {
	case "D", "U", "B", "R", "Y":
		if len(args) > 0 {
			return args[0]
		}
	case "S":
		out := make([]any, 0, len(args))
		for _, a := range args {
			out = append(out, ref(a))
		}
		return out
	case "M":
		m := map[string]any{}
		for k := 0; k+1 < len(args); k += 2 {
			m[render(ref(args[k]))] = ref(args[k+1])
		}
		return m
	case "N":
		if len(args) > 0 {
			if flat, ok := args[0].(map[string]any); ok {
				m := map[string]any{}
				d.fill(m, flat, depth)
				return m
			}
		}
	case "P", "Z":
		if len(args) > 0 {
			id, ok := turboIndex(args[0])
			if !ok {
				return nil
			}
			if tag == "Z" {
				return d.hydrate(id, depth+1)
			}
			if j, ok := d.promises[id]; ok {
				return d.hydrate(j, depth+1)
			}
		}
	}
	return nil // an error, an unresolved promise, a plugin's type
}

// turboStreamScripts returns the turbo-stream a page's scripts enqueue
// (React Router's and Remix's streamController.enqueue("…") calls joined),
// or "".
func turboStreamScripts(root *html.Node) string {
	var stream strings.Builder
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.DataAtom != atom.Script {
			return
		}
		text := scriptContent(n)
		for {
			i := strings.Index(text, "streamController.enqueue(")
			if i < 0 {
				return
			}
			text = strings.TrimLeft(text[i+len("streamController.enqueue("):], " \t\r\n")
			if text == "" || !strings.ContainsRune("\"'`", rune(text[0])) {
				continue // a chunk passed by name, not written out
			}
			p := &jsParser{s: text}
			v, err := p.str()
			if err != nil {
				continue
			}
			if s, ok := v.(string); ok && stream.Len()+len(s) <= maxTurboBytes {
				stream.WriteString(s)
			}
		}
	})
	return stream.String()
}

// maxTurboBytes bounds the stream read from one page's scripts.
const maxTurboBytes = 32 << 20

// turboStreamFeed returns the value of a feed body that is a raw
// turbo-stream (React Router's single-fetch /route.data answer).
func turboStreamFeed(body []byte) (any, bool) {
	if !bytes.HasPrefix(bytes.TrimLeft(body, " \t\r\n"), []byte("[{\"_")) {
		return nil, false
	}
	return decodeTurboStream(string(body))
}
