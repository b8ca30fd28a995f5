package extract

import (
	"strconv"
	"strings"
)

// Qwik's resumable state, <script type="qwik/json">: {"refs", "ctx",
// "objs", "subs"}. objs is a flat list; an object's or array's members
// are ids of other entries (the entry's index in base 36, perhaps followed
// by a transform: "!" a store proxy, "~" and "_" a promise), and an entry
// that is a string may be a typed value, its first character saying
// which: "\u0001" undefined, "\u0012" a signal holding the entry its id
// names, "\u0019" a Set and "\u001a" a Map of ids, "\u001b" a string that
// begins with such a character, "\u0005" a URL, "\u0006" a date; QRLs,
// tasks, components and other code are no data. Ids beginning "#", "@"
// or "*" name elements, functions and text nodes of the page.

// qwikMaxDepth bounds how deep a revived value is built (objs may hold
// cycles: a revived value refers to itself by the same Go map).
const qwikMaxDepth = 64

// qwikStates returns the objects of a qwik/json state, revived, in the
// order of its list: the candidates in which a json target's items path
// is looked for (a route loader's value is one of them). The script text
// escapes "<script" and "</script" as "\x3Cscript".
func qwikStates(text string) []any {
	text = strings.ReplaceAll(text, `\x3C`, "<")
	v, ok := parseLD(text)
	if !ok {
		return nil
	}
	m, _ := v.(map[string]any)
	objs, _ := m["objs"].([]any)
	if len(objs) == 0 {
		return nil
	}
	r := &qwikReviver{objs: objs, done: make(map[int]any, len(objs))}
	var states []any
	for i, o := range objs {
		if _, isObj := o.(map[string]any); isObj {
			states = append(states, r.entry(i, 0))
		}
	}
	return states
}

type qwikReviver struct {
	objs []any
	done map[int]any // revived entries by index
}

// ref revives the entry an id names.
func (r *qwikReviver) ref(id any, depth int) any {
	s, ok := id.(string)
	if !ok || s == "" || strings.ContainsAny(s[:1], "#@*") {
		return nil
	}
	s = strings.TrimRight(s, "!~_")
	i, err := strconv.ParseInt(s, 36, 0)
	if err != nil || i < 0 || int(i) >= len(r.objs) {
		return nil
	}
	return r.entry(int(i), depth)
}

// entry revives objs[i].
func (r *qwikReviver) entry(i, depth int) any {
	if v, ok := r.done[i]; ok {
		return v
	}
	if depth > qwikMaxDepth {
		return nil
	}
	switch o := r.objs[i].(type) {
	case map[string]any:
		out := make(map[string]any, len(o))
		r.done[i] = out
		for k, id := range o {
			out[k] = r.ref(id, depth+1)
		}
		return out
	case []any:
		out := make([]any, len(o))
		r.done[i] = out
		for j, id := range o {
			out[j] = r.ref(id, depth+1)
		}
		return out
	case string:
		r.done[i] = nil // a signal naming itself
		v := r.typed(o, depth)
		r.done[i] = v
		return v
	default: // numbers, booleans, null
		r.done[i] = o
		return o
	}
}

// typed revives a string entry: a plain string, or a typed value.
func (r *qwikReviver) typed(s string, depth int) any {
	if s == "" || s[0] > 0x1c {
		return s
	}
	data := s[1:]
	switch s[0] {
	case 0x12: // a signal: its value
		return r.ref(data, depth+1)
	case 0x19: // a Set of ids
		out := []any{}
		for id := range strings.FieldsSeq(data) {
			out = append(out, r.ref(id, depth+1))
		}
		return out
	case 0x1a: // a Map: key and value ids in turn
		ids := strings.Fields(data)
		out := make(map[string]any, len(ids)/2)
		for j := 0; j+1 < len(ids); j += 2 {
			if k, ok := r.ref(ids[j], depth+1).(string); ok {
				out[k] = r.ref(ids[j+1], depth+1)
			}
		}
		return out
	case 0x1b, 0x05, 0x06, 0x18: // an escaped string, a URL, a date, a bigint
		return data
	}
	// undefined, code (QRLs, tasks, components, derived signals), a
	// document, an error, a non-finite number: no data.
	return nil
}
