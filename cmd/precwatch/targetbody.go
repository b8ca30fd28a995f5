package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/precwatch/precwatch"
	"github.com/precwatch/precwatch/config"
	"github.com/precwatch/precwatch/server"
)

// A target written through the API (JSON or YAML) or the web UI's editor
// (YAML) is read by the configuration's own decoder and validation, the
// ones `precwatch config check` runs: the body becomes the one target of a
// configuration document and config.Parse reports every problem of it at
// once (unknown keys with "did you mean", wrong types, bad values), each
// naming its field. Only the reading differs: a value is taken as written
// (no ${ENV} expansion: the server's environment is not the caller's to
// read), and a JSON duration that is a number is nanoseconds (the JSON
// form of a target, as GET returns it), not seconds as in a file.

// parseTarget is server.Options.ParseTarget: src is a target written as
// JSON (format "json") or YAML ("yaml"); name is the target's name when
// src gives none. On failure the target holds the name and platform src
// gives, and the error is a *server.FieldsError.
func parseTarget(src []byte, format, name string) (precwatch.Target, error) {
	var n *yaml.Node
	var err error
	if format == "json" {
		n, err = jsonToNode(src)
	} else {
		n, err = yamlToNode(src)
	}
	if err != nil {
		return precwatch.Target{}, err
	}
	if n.Kind != yaml.MappingNode {
		return precwatch.Target{}, oneProblem("", fmt.Sprintf("want a target: a %s of its fields, not %s", map[bool]string{true: "JSON object", false: "YAML mapping"}[format == "json"], nodeKind(n)))
	}
	given := precwatch.Target{Name: mappingValue(n, "name"), Platform: mappingValue(n, "platform")}
	escapeEnv(n, "")
	// A secret written back as shown ("<redacted>", in a start URL, a
	// header or a body) is checked as a plain word and stays the mask for
	// the server to put the stored value back (server: unmaskURLs, …).
	masked := replaceScalars(n, precwatch.SecretMask, maskStandIn)
	if given.Name == "" && name != "" && !hasKey(n, "name") {
		n.Content = append(n.Content, strNode("name"), strNode(name))
		given.Name = name
	}
	// "test" is reserved in configuration files only: the API's POST
	// /api/v1/targets/test tests an unsaved target of any name, and the
	// server refuses to save one named so itself.
	const stand = "reserved-name-test"
	reserved := given.Name == "test"
	if reserved {
		setMappingValue(n, "name", stand)
	}
	doc := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Content: []*yaml.Node{
		strNode("targets"), {Kind: yaml.SequenceNode, Tag: "!!seq", Content: []*yaml.Node{n}},
	}}
	out, err := yaml.Marshal(doc)
	if err != nil {
		return given, oneProblem("", fmt.Sprintf("cannot read the target: %v", err))
	}
	cfg, err := config.Parse("request body", out, func(string) string { return "" })
	if err != nil {
		err = fieldsError(err, "targets[0]")
		if fe, ok := err.(*server.FieldsError); ok && masked {
			for i := range fe.Problems {
				fe.Problems[i].Message = strings.ReplaceAll(fe.Problems[i].Message, maskStandIn, precwatch.SecretMask)
			}
		}
		return given, err
	}
	t := cfg.Targets[0]
	if reserved {
		t.Name = "test"
	}
	if masked {
		if t, err = restoreMask(t); err != nil {
			return given, err
		}
	}
	return t, nil
}

// maskStandIn stands for precwatch.SecretMask while a target is checked: a
// word that is valid in a URL's userinfo and query and in a JSON string.
const maskStandIn = "precwatchsecretmask"

// replaceScalars replaces old with new in every scalar value under n and
// reports whether it found one.
func replaceScalars(n *yaml.Node, old, new string) bool {
	found := false
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				walk(n.Content[i])
			}
		case yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.ScalarNode:
			if strings.Contains(n.Value, old) {
				n.Value, found = strings.ReplaceAll(n.Value, old, new), true
			}
		}
	}
	walk(n)
	return found
}

// restoreMask puts precwatch.SecretMask back where maskStandIn stands in
// every text of t.
func restoreMask(t precwatch.Target) (precwatch.Target, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(t); err != nil {
		return t, err
	}
	var out precwatch.Target
	err := json.Unmarshal(bytes.ReplaceAll(b.Bytes(), []byte(maskStandIn), []byte(precwatch.SecretMask)), &out)
	return out, err
}

// validateTarget is server.Options.ValidateTarget: config.ValidateTarget
// with its problems as a *server.FieldsError.
func validateTarget(t *precwatch.Target) error {
	return fieldsError(config.ValidateTarget(t), "")
}

// fieldsError turns a *config.Error into a *server.FieldsError, its fields
// relative to prefix ("targets[0].listing.item" → "listing.item"); other
// errors are returned as they are.
func fieldsError(err error, prefix string) error {
	var ce *config.Error
	if !errors.As(err, &ce) {
		return err
	}
	fe := &server.FieldsError{}
	for _, p := range ce.Problems {
		f := p.Field
		if prefix != "" {
			switch {
			case f == prefix:
				f = ""
			case strings.HasPrefix(f, prefix+"."):
				f = strings.TrimPrefix(f, prefix+".")
			}
		}
		fe.Problems = append(fe.Problems, server.FieldProblem{Field: f, Message: p.Message})
	}
	return fe
}

func oneProblem(field, msg string) error {
	return &server.FieldsError{Problems: []server.FieldProblem{{Field: field, Message: msg}}}
}

// yamlToNode parses a YAML target.
func yamlToNode(src []byte) (*yaml.Node, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(src, &doc); err != nil {
		return nil, oneProblem("", "not valid YAML: "+strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return nil, oneProblem("", "the target is empty")
	}
	return doc.Content[0], nil
}

// jsonToNode parses a JSON target into YAML nodes, keeping the order and
// any duplicate of its keys, so that the configuration's decoder reports
// them as in a file.
func jsonToNode(src []byte) (*yaml.Node, error) {
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	n, err := jsonTargetValue(dec, "")
	if err == nil {
		if _, terr := dec.Token(); terr != io.EOF {
			err = errors.New("more after the target's closing }")
		}
	}
	if err != nil {
		line, col := lineCol(src, int(dec.InputOffset()))
		var se *json.SyntaxError
		if errors.As(err, &se) {
			line, col = lineCol(src, int(se.Offset))
		}
		msg := err.Error()
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			msg = "the body ends before the target does"
		}
		return nil, oneProblem("", fmt.Sprintf("not valid JSON at line %d, column %d: %s", line, col, msg))
	}
	return n, nil
}

// jsonTargetValue reads one JSON value; path is its field ("delay"), to read a
// top-level duration given as a number as nanoseconds.
func jsonTargetValue(dec *json.Decoder, path string) (*yaml.Node, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map"}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return nil, err
				}
				key, _ := k.(string)
				sub := key
				if path != "" {
					sub = path + "." + key
				}
				val, err := jsonTargetValue(dec, sub)
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, strNode(key), val)
			}
			_, err := dec.Token() // }
			return n, err
		case '[':
			n := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq"}
			for dec.More() {
				val, err := jsonTargetValue(dec, path+"[]")
				if err != nil {
					return nil, err
				}
				n.Content = append(n.Content, val)
			}
			_, err := dec.Token() // ]
			return n, err
		}
		return nil, fmt.Errorf("unexpected %v", v)
	case string:
		return strNode(v), nil
	case json.Number:
		if path == "delay" || path == "timeout" {
			// The JSON form of a time.Duration: nanoseconds.
			if ns, err := strconv.ParseFloat(v.String(), 64); err == nil {
				return strNode(strconv.FormatInt(int64(ns), 10) + "ns"), nil
			}
		}
		tag := "!!int"
		if strings.ContainsAny(v.String(), ".eE") {
			tag = "!!float"
		}
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v.String()}, nil
	case bool:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(v)}, nil
	case nil:
		return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}, nil
	}
	return nil, fmt.Errorf("unexpected %v", tok)
}

func strNode(s string) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s, Style: yaml.DoubleQuotedStyle}
}

// lineCol returns the 1-based line and column (in bytes) of offset in src.
func lineCol(src []byte, offset int) (int, int) {
	offset = max(0, min(offset, len(src)))
	before := src[:offset]
	line := bytes.Count(before, []byte("\n")) + 1
	return line, offset - (bytes.LastIndexByte(before, '\n') + 1) + 1
}

func nodeKind(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "null"
		}
		return "a single value"
	case yaml.AliasNode:
		return "an alias"
	}
	return "something else"
}

// mappingValue returns the text of the scalar under key in the mapping n.
func mappingValue(n *yaml.Node, key string) string {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.ScalarNode && n.Content[i+1].Tag != "!!null" {
			return strings.TrimSpace(n.Content[i+1].Value)
		}
	}
	return ""
}

func hasKey(n *yaml.Node, key string) bool {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key {
			return true
		}
	}
	return false
}

func setMappingValue(n *yaml.Node, key, value string) {
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == key && n.Content[i+1].Kind == yaml.ScalarNode {
			n.Content[i+1] = strNode(value)
		}
	}
}

// escapeEnv writes every "${" of the values under n as "$${", which the
// configuration's decoder reads back as "${": a target sent to the server
// keeps its text, never the server's environment. The page variables of a
// POST feed's body (json.body: ${page}, ${offset}, ${cursor}) stay, for
// the crawler to fill in.
func escapeEnv(n *yaml.Node, path string) {
	seen := map[*yaml.Node]bool{}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		if n == nil || seen[n] {
			return
		}
		seen[n] = true
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				sub := n.Content[i].Value
				if path != "" {
					sub = path + "." + sub
				}
				walk(n.Content[i+1], sub)
			}
		case yaml.SequenceNode, yaml.DocumentNode:
			for _, c := range n.Content {
				walk(c, path)
			}
		case yaml.ScalarNode:
			if !strings.Contains(n.Value, "${") {
				return
			}
			v := strings.ReplaceAll(n.Value, "${", "$${")
			if path == "json.body" {
				for _, name := range precwatch.JSONPageVars {
					v = strings.ReplaceAll(v, "$${"+name+"}", "${"+name+"}")
				}
			}
			n.Value = v
		}
	}
	walk(n, path)
}
