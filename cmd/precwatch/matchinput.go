package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/precwatch/precwatch"
)

// decodeListing reads one listing object of `precwatch match` input. The
// contract's fields are strings, but exports from other tools write ids and
// prices as numbers, sellers as {"name": …} objects, null for a missing
// value and attributes of any JSON type; they are read as the text they
// stand for instead of rejecting the line. Fields the contract does not name
// (labels, internal ids) are ignored: they are no listing text.
func decodeListing(data []byte) (precwatch.Listing, error) {
	var l precwatch.Listing
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		var te *json.UnmarshalTypeError
		if errors.As(err, &te) {
			return l, fmt.Errorf("a listing is a JSON object, not %s", te.Value)
		}
		return l, err
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
		raw, ok := obj[f.name]
		if !ok {
			continue
		}
		s, err := jsonText(raw)
		if err != nil {
			return l, fmt.Errorf("field %s: %w", f.name, err)
		}
		*f.dst = s
	}
	if raw, ok := obj["attributes"]; ok {
		attrs, err := jsonAttributes(raw)
		if err != nil {
			return l, fmt.Errorf("field attributes: %w", err)
		}
		l.Attributes = attrs
	}
	return l, nil
}

// jsonText is the text a JSON value stands for: a string as is, a number
// as written, true/false, "" for null; an object by its "name" (or "value",
// "amount"+"currency", else its values in order), an array by its items
// joined with ", ".
func jsonText(raw json.RawMessage) (string, error) {
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		return "", nil
	}
	switch raw[0] {
	case '"':
		var s string
		err := json.Unmarshal(raw, &s)
		return s, err
	case 'n':
		return "", nil
	case '{':
		keys, vals, err := jsonObject(raw)
		if err != nil {
			return "", err
		}
		for _, pref := range []string{"name", "value", "text"} {
			for i, k := range keys {
				if strings.EqualFold(k, pref) {
					return jsonText(vals[i])
				}
			}
		}
		return joinJSON(vals, " ")
	case '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return "", err
		}
		return joinJSON(items, ", ")
	default: // number, true, false
		if !json.Valid(raw) {
			return "", fmt.Errorf("invalid JSON value %.20q", raw)
		}
		return string(raw), nil
	}
}

func joinJSON(vals []json.RawMessage, sep string) (string, error) {
	parts := make([]string, 0, len(vals))
	for _, v := range vals {
		s, err := jsonText(v)
		if err != nil {
			return "", err
		}
		if s != "" {
			parts = append(parts, s)
		}
	}
	return strings.Join(parts, sep), nil
}

// jsonObject returns an object's keys and values in document order.
func jsonObject(raw json.RawMessage) ([]string, []json.RawMessage, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // {
		return nil, nil, err
	}
	var keys []string
	var vals []json.RawMessage
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return nil, nil, err
		}
		k, _ := t.(string)
		var v json.RawMessage
		if err := dec.Decode(&v); err != nil {
			return nil, nil, err
		}
		keys = append(keys, k)
		vals = append(vals, v)
	}
	return keys, vals, nil
}

// jsonAttributes reads attributes given as an object of any values, an
// array of {"name"|"key"|"label": …, "value": …} pairs, or an array of
// plain values (keyed by position).
func jsonAttributes(raw json.RawMessage) (map[string]string, error) {
	raw = bytes.TrimSpace(raw)
	attrs := map[string]string{}
	switch {
	case len(raw) == 0 || raw[0] == 'n':
		return nil, nil
	case raw[0] == '{':
		keys, vals, err := jsonObject(raw)
		if err != nil {
			return nil, err
		}
		for i, k := range keys {
			s, err := jsonText(vals[i])
			if err != nil {
				return nil, fmt.Errorf("%s: %w", k, err)
			}
			attrs[k] = s
		}
	case raw[0] == '[':
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return nil, err
		}
		for i, it := range items {
			key, val := strconv.Itoa(i), it
			if it = bytes.TrimSpace(it); len(it) > 0 && it[0] == '{' {
				keys, vals, err := jsonObject(it)
				if err != nil {
					return nil, err
				}
				var k, v json.RawMessage
				for j, name := range keys {
					switch strings.ToLower(name) {
					case "name", "key", "label":
						k = vals[j]
					case "value":
						v = vals[j]
					}
				}
				if k != nil && v != nil {
					if ks, err := jsonText(k); err == nil && ks != "" {
						key, val = ks, v
					}
				}
			}
			s, err := jsonText(val)
			if err != nil {
				return nil, fmt.Errorf("item %d: %w", i, err)
			}
			attrs[key] = s
		}
	default:
		s, err := jsonText(raw)
		if err != nil {
			return nil, err
		}
		attrs["attributes"] = s
	}
	if len(attrs) == 0 {
		return nil, nil
	}
	return attrs, nil
}

// readJSONValues reads a stream of JSON values that is not one listing a
// line: a JSON array of listings, or objects spread over several lines
// (pretty-printed). Each listing is handed to add; a listing that is no
// object is reported by its position and skipped. A syntax error ends the
// stream (the decoder cannot find the next value after it).
func readJSONValues(r io.Reader, name string, add func(l precwatch.Listing, src string), bad func(msg string)) error {
	dec := json.NewDecoder(r)
	n := 0
	handle := func(raw json.RawMessage) {
		n++
		l, err := decodeListing(raw)
		if err != nil {
			bad(fmt.Sprintf("%s: listing %d: malformed listing: %v", name, n, err))
			return
		}
		add(l, fmt.Sprintf("%s#%d", name, n))
	}
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			bad(fmt.Sprintf("%s: after listing %d: %s", name, n, jsonErr(err)))
			return nil
		}
		if t := bytes.TrimSpace(raw); len(t) > 0 && t[0] == '[' {
			var items []json.RawMessage
			if err := json.Unmarshal(t, &items); err != nil {
				bad(fmt.Sprintf("%s: %s", name, jsonErr(err)))
				continue
			}
			for _, it := range items {
				handle(it)
			}
			continue
		}
		handle(raw)
	}
}
