package index

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Regulators write queries as they would in Lucene, Elasticsearch or Kibana:
// "ephedrine AND messenger", "NOT platform:ChemHub",
// first_seen:[2026-01-01 TO 2026-06-30]. Bleve's query-string syntax has
// none of these: it reads AND, OR and NOT as words and brackets as parts of
// words, so "NOT ephedrine" found ephedrine and "a AND b" found a or b,
// without an error. fromLucene rewrites them into bleve's syntax first.

var (
	rangeStart = regexp.MustCompile(`^([+-]?)([A-Za-z_][A-Za-z0-9_]*):([\[{])(.*)$`)
	rangeEnd   = regexp.MustCompile(`^(.*)([\]}])$`)
)

// fromLucene rewrites the Lucene operators of qs into bleve's syntax: a
// word or clause joined by AND (&&) is required (+), one after NOT (!) is
// excluded (-), OR (||) is bleve's default and is dropped, and a range
// field:[lo TO hi] (braces: exclusive, * for open) becomes the required
// clauses +field:>=lo +field:<=hi. Operators are upper case, as in Lucene;
// quoted phrases are left alone. A query without any of these is returned
// as it is. A range after NOT cannot be written in bleve's syntax: it is an
// error.
func fromLucene(qs string) (string, error) {
	toks := splitQuery(qs)
	changed := false
	var out []string
	required, excluded := false, false
	prefix := func(tok string) string {
		switch {
		case tok == "" || tok[0] == '+' || tok[0] == '-':
			return tok
		case excluded:
			return "-" + tok
		case required:
			return "+" + tok
		}
		return tok
	}
	for i := 0; i < len(toks); i++ {
		tok := toks[i]
		switch tok {
		case "AND", "&&":
			changed, required = true, true
			if n := len(out); n > 0 && out[n-1][0] != '+' && out[n-1][0] != '-' {
				out[n-1] = "+" + out[n-1]
			}
			continue
		case "OR", "||":
			changed = true
			continue
		case "NOT", "!":
			changed, excluded = true, true
			continue
		}
		if m := rangeStart.FindStringSubmatch(tok); m != nil && i+2 < len(toks) && toks[i+1] == "TO" {
			if e := rangeEnd.FindStringSubmatch(toks[i+2]); e != nil {
				changed = true
				i += 2
				sign, field, lo, hi := m[1], m[2], m[4], e[1]
				if sign == "" && excluded {
					sign = "-"
				}
				if sign == "-" {
					return "", fmt.Errorf("%s %s %s: a range cannot be excluded in this syntax: write %s:<%s and %s:>%s as two searches, or narrow it with + clauses",
						tok, toks[i-1], toks[i], field, rangeValue(lo), field, rangeValue(hi))
				}
				if lo != "*" {
					out = append(out, "+"+field+":"+map[bool]string{true: ">=", false: ">"}[m[3] == "["]+rangeValue(lo))
				}
				if hi != "*" {
					out = append(out, "+"+field+":"+map[bool]string{true: "<=", false: "<"}[e[2] == "]"]+rangeValue(hi))
				}
				required, excluded = false, false
				continue
			}
		}
		out = append(out, prefix(tok))
		required, excluded = false, false
	}
	if !changed {
		return qs, nil
	}
	return strings.Join(out, " "), nil
}

// rangeValue writes a range bound as bleve reads it: a number as it is,
// anything else (a date) quoted.
func rangeValue(v string) string {
	v = strings.Trim(v, `"`)
	if _, err := strconv.ParseFloat(v, 64); err == nil {
		return v
	}
	return strconv.Quote(v)
}

// splitQuery splits qs at spaces outside double quotes (a backslash
// escapes the next character).
func splitQuery(qs string) []string {
	var toks []string
	var b strings.Builder
	inQuote, escaped := false, false
	for _, r := range qs {
		switch {
		case escaped:
			escaped = false
		case r == '\\':
			escaped = true
		case r == '"':
			inQuote = !inQuote
		case !inQuote && (r == ' ' || r == '\t' || r == '\n'):
			if b.Len() > 0 {
				toks = append(toks, b.String())
				b.Reset()
			}
			continue
		}
		b.WriteRune(r)
	}
	if b.Len() > 0 {
		toks = append(toks, b.String())
	}
	return toks
}
