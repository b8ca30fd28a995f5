package extract

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/precwatch/precwatch"
	"golang.org/x/net/html"
)

// selector is a compiled selector: plain CSS (css), or CSS with jQuery
// position filters inside (groups), as partners used to jQuery write them:
// "li:eq(2) a", "div.products:first a.title", "ul.pager li:last > a".
// jQuery reads such a selector step by step: the matches so far (within
// the context, in document order) are cut to the one the filter names, and
// the rest of the selector is read from them, combinator by combinator.
type selector struct {
	css    cascadia.Selector
	groups [][]jqSegment // comma-separated groups
}

// jqSegment is one part of a selector with positions: steps read from the
// matches so far (from the context on the first segment), then a position.
type jqSegment struct {
	steps []jqStep
	pick  int // pickAll, pickLast or an index
}

// jqStep is a combinator and a compound selector: ' ' (descendant), '>'
// (child), '+' (next sibling) or '~' (later sibling). comb 0 is the whole
// CSS before the first position, matched among the context's descendants.
type jqStep struct {
	comb byte
	sel  cascadia.Selector
}

// jqPositionInside is a jQuery position filter followed by a combinator,
// a comma, white space or the end (so not :first-child, :last-of-type).
var jqPositionInside = regexp.MustCompile(`:(first|last|eq\(\s*(\d+)\s*\))(\s*[>+~,]|\s+|$)`)

// match reports whether n itself matches a plain CSS selector; a selector
// with positions names nodes only relative to a context.
func (s *selector) match(n *html.Node) bool {
	return s.css != nil && s.css.Match(n)
}

// all returns the descendants of ctx (not ctx itself) that s matches, in
// document order.
func (s *selector) all(ctx *html.Node) []*html.Node {
	if s.css != nil {
		var out []*html.Node
		for c := ctx.FirstChild; c != nil; c = c.NextSibling {
			out = append(out, s.css.MatchAll(c)...)
		}
		return out
	}
	var order map[*html.Node]int
	sortSet := func(set []*html.Node) []*html.Node {
		if len(set) < 2 {
			return set
		}
		if order == nil {
			order = map[*html.Node]int{}
			walk(ctx, func(n *html.Node) { order[n] = len(order) })
		}
		slices.SortFunc(set, func(a, b *html.Node) int { return order[a] - order[b] })
		return slices.Compact(set)
	}
	var out []*html.Node
	for _, segs := range s.groups {
		set := []*html.Node{ctx}
		for _, seg := range segs {
			for _, st := range seg.steps {
				set = sortSet(st.from(set))
			}
			switch {
			case seg.pick == pickLast && len(set) > 0:
				set = set[len(set)-1:]
			case seg.pick >= 0 && seg.pick < len(set):
				set = set[seg.pick : seg.pick+1]
			case seg.pick != pickAll:
				set = nil
			}
		}
		out = append(out, set...)
	}
	if len(s.groups) > 1 {
		out = sortSet(out)
	}
	return out
}

// from returns the nodes the step reaches from set.
func (st jqStep) from(set []*html.Node) []*html.Node {
	var out []*html.Node
	for _, n := range set {
		switch st.comb {
		case 0:
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				out = append(out, st.sel.MatchAll(c)...)
			}
		case ' ':
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c, func(d *html.Node) {
					if d.Type == html.ElementNode && st.sel.Match(d) {
						out = append(out, d)
					}
				})
			}
		case '>':
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == html.ElementNode && st.sel.Match(c) {
					out = append(out, c)
				}
			}
		case '+', '~':
			for c := n.NextSibling; c != nil; c = c.NextSibling {
				if c.Type != html.ElementNode {
					continue
				}
				if st.sel.Match(c) {
					out = append(out, c)
				}
				if st.comb == '+' {
					break
				}
			}
		}
	}
	return out
}

// compileJQuery compiles a selector with jQuery positions inside.
func compileJQuery(s string) (*selector, error) {
	out := &selector{}
	for _, g := range splitTop(s, ',') {
		g = strings.TrimSpace(g)
		if g == "" {
			return nil, fmt.Errorf("empty selector in a list")
		}
		var segs []jqSegment
		for g != "" {
			part, pick := g, pickAll
			g = ""
			if m := jqPositionInside.FindStringSubmatchIndex(part); m != nil {
				switch {
				case strings.HasPrefix(part[m[2]:], "first"):
					pick = 0
				case strings.HasPrefix(part[m[2]:], "last"):
					pick = pickLast
				default:
					pick, _ = strconv.Atoi(part[m[4]:m[5]])
				}
				part, g = part[:m[0]], strings.TrimRight(part[m[6]:], " \t\r\n\f")
				if strings.TrimSpace(g) == "" {
					g = ""
				}
			}
			steps, err := jqSteps(part, len(segs) == 0)
			if err != nil {
				return nil, err
			}
			segs = append(segs, jqSegment{steps: steps, pick: pick})
		}
		out.groups = append(out.groups, segs)
	}
	return out, nil
}

// jqSteps compiles the CSS of one segment: on the first, a selector read
// from the context's descendants; after a position, its compound
// selectors one by one, each with the combinator before it (a descendant
// when none is written).
func jqSteps(part string, first bool) ([]jqStep, error) {
	if first {
		p := strings.TrimSpace(part)
		if p == "" {
			return nil, fmt.Errorf("a jQuery position filter needs a selector before it")
		}
		sel, err := cascadia.Compile(precwatch.LocalNames(p))
		if err != nil {
			return nil, err
		}
		return []jqStep{{sel: sel}}, nil
	}
	var steps []jqStep
	comb := byte(' ')
	var cur strings.Builder
	flush := func() error {
		if cur.Len() == 0 {
			return nil
		}
		sel, err := cascadia.Compile(precwatch.LocalNames(cur.String()))
		if err != nil {
			return err
		}
		steps = append(steps, jqStep{comb: comb, sel: sel})
		cur.Reset()
		comb = ' '
		return nil
	}
	depth, quote := 0, byte(0)
	for i := 0; i < len(part); i++ {
		c := part[i]
		switch {
		case c == '\\' && i+1 < len(part):
			cur.WriteByte(c)
			cur.WriteByte(part[i+1])
			i++
		case quote != 0:
			cur.WriteByte(c)
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
			cur.WriteByte(c)
		case c == '(' || c == '[':
			depth++
			cur.WriteByte(c)
		case c == ')' || c == ']':
			depth--
			cur.WriteByte(c)
		case depth == 0 && strings.IndexByte(" \t\r\n\f", c) >= 0:
			if err := flush(); err != nil {
				return nil, err
			}
		case depth == 0 && (c == '>' || c == '+' || c == '~'):
			if err := flush(); err != nil {
				return nil, err
			}
			comb = c
		default:
			cur.WriteByte(c)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	if len(steps) == 0 {
		return nil, fmt.Errorf("nothing after a combinator")
	}
	return steps, nil
}

// splitTop splits s at sep outside brackets, parentheses and quotes.
func splitTop(s string, sep byte) []string {
	var out []string
	depth, quote, start := 0, byte(0), 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			i++
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[':
			depth++
		case c == ')' || c == ']':
			depth--
		case c == sep && depth == 0:
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
