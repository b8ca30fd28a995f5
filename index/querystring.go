package index

import (
	"errors"
	"fmt"
	"regexp"
	"regexp/syntax"
	"strconv"
	"strings"

	vregexp "github.com/blevesearch/vellum/regexp"
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

// checkParens refuses a query whose parentheses do not pair up outside
// phrases, regular expressions and escapes: "title:(" or "(ephedrine" is a
// typo, and bleve's syntax, which has no grouping, would search the word
// and answer "nothing found" or the wrong thing without an error. A pair
// within a word (ephedrine(hcl)) is a word, as before.
func checkParens(qs string) error {
	var stack []string // the words of the open parentheses
	for _, tok := range splitQuery(qs) {
		word := strings.TrimLeft(tok, "+-!")
		if m := fieldPrefix.FindStringIndex(word); m != nil {
			word = word[m[1]:]
		}
		if len(word) >= 2 && word[0] == '/' && word[len(word)-1] == '/' {
			continue // a regular expression: its own syntax, checked with it
		}
		inQuote, escaped := false, false
		for _, r := range word {
			switch {
			case escaped:
				escaped = false
			case r == '\\':
				escaped = true
			case r == '"':
				inQuote = !inQuote
			case inQuote:
			case r == '(':
				stack = append(stack, tok)
			case r == ')':
				if len(stack) == 0 {
					return fmt.Errorf("unbalanced parenthesis: the \")\" in %q closes nothing (a literal one is written \\) or inside quotes)", tok)
				}
				stack = stack[:len(stack)-1]
			}
		}
	}
	if len(stack) > 0 {
		return fmt.Errorf("unbalanced parenthesis: the \"(\" in %q is never closed (a literal one is written \\( or inside quotes)", stack[0])
	}
	return nil
}

// fieldPrefix is the field of a clause (title:, first_seen:>=).
var fieldPrefix = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*:[<>=]*`)

// checkRegexp refuses a regular expression the index cannot search with,
// as the search would (bleve compiles it with vellum only when it
// searches, and its error was an internal one).
func checkRegexp(re string) error {
	if _, err := vregexp.New(re); err != nil {
		var se *syntax.Error
		if errors.As(err, &se) {
			return fmt.Errorf("regular expression /%s/: %s: `%s`", re, se.Code, se.Expr)
		}
		return fmt.Errorf("regular expression /%s/: %v", re, err)
	}
	return nil
}
