package server

import (
	"html"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// Segment is a piece of crawled text for a template: plain, or a match to
// show in <mark>. Templates escape Text; no crawled byte is ever HTML.
type Segment struct {
	Text string
	Mark bool
	Note string // what matched, for the mark's title
}

type span struct {
	start, end int
	note       string
}

// markSpans cuts text at the byte spans, dropping spans out of range or not
// on rune boundaries and merging overlaps.
func markSpans(text string, spans []span) []Segment {
	var ok []span
	for _, s := range spans {
		if s.start < 0 || s.end > len(text) || s.start >= s.end ||
			!utf8.RuneStart(byteAt(text, s.start)) || (s.end < len(text) && !utf8.RuneStart(byteAt(text, s.end))) {
			continue
		}
		ok = append(ok, s)
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i].start < ok[j].start })
	var merged []span
	for _, s := range ok {
		if n := len(merged); n > 0 && s.start <= merged[n-1].end {
			if s.end > merged[n-1].end {
				merged[n-1].end = s.end
			}
			if s.note != "" && !strings.Contains(merged[n-1].note, s.note) {
				merged[n-1].note += ", " + s.note
			}
			continue
		}
		merged = append(merged, s)
	}
	var out []Segment
	pos := 0
	for _, s := range merged {
		if s.start > pos {
			out = append(out, Segment{Text: text[pos:s.start]})
		}
		out = append(out, Segment{Text: text[s.start:s.end], Mark: true, Note: s.note})
		pos = s.end
	}
	if pos < len(text) {
		out = append(out, Segment{Text: text[pos:]})
	}
	return out
}

func byteAt(s string, i int) byte {
	if i >= len(s) {
		return 0
	}
	return s[i]
}

// fragmentSegments turns an index fragment (HTML-escaped text with <mark>
// around matches) back into segments of plain text, so that the template
// escapes it again rather than trusting it as HTML.
func fragmentSegments(frag string) []Segment {
	var out []Segment
	for frag != "" {
		i := strings.Index(frag, "<mark>")
		if i < 0 {
			out = append(out, Segment{Text: html.UnescapeString(frag)})
			break
		}
		if i > 0 {
			out = append(out, Segment{Text: html.UnescapeString(frag[:i])})
		}
		frag = frag[i+len("<mark>"):]
		j := strings.Index(frag, "</mark>")
		if j < 0 {
			out = append(out, Segment{Text: html.UnescapeString(frag), Mark: true})
			break
		}
		out = append(out, Segment{Text: html.UnescapeString(frag[:j]), Mark: true})
		frag = frag[j+len("</mark>"):]
	}
	return out
}

// matchSpans returns the byte spans of a stored match by field: the
// substance hits (negated ones too, noted so) and the risk indicators'
// text where it is found in the field.
func matchSpans(res *precwatch.Result) map[string][]span {
	spans := map[string][]span{}
	for _, sub := range res.Match.Substances {
		note := sub.Name
		if sub.Negated {
			note += ", negated"
		}
		for _, h := range sub.Hits {
			spans[h.Field] = append(spans[h.Field], span{h.Start, h.End, note + " (" + h.Kind + ")"})
		}
	}
	fields := map[string]string{precwatch.FieldTitle: res.Listing.Title, precwatch.FieldDescription: res.Listing.Description}
	for _, in := range res.Match.Indicators {
		text, ok := fields[in.Field]
		if !ok || in.Text == "" {
			continue
		}
		if i := strings.Index(text, in.Text); i >= 0 {
			spans[in.Field] = append(spans[in.Field], span{i, i + len(in.Text), in.Label})
		}
	}
	return spans
}

// querySpans finds in text the words an index fragment marked (the
// query's terms), at most 50 spans.
func querySpans(text string, frags []string) []span {
	var out []span
	seen := map[string]bool{}
	for _, f := range frags {
		for _, seg := range fragmentSegments(f) {
			if !seg.Mark || seg.Text == "" || seen[seg.Text] {
				continue
			}
			seen[seg.Text] = true
			for from := 0; from < len(text) && len(out) < 50; {
				i := strings.Index(text[from:], seg.Text)
				if i < 0 {
					break
				}
				out = append(out, span{from + i, from + i + len(seg.Text), ""})
				from += i + len(seg.Text)
			}
		}
	}
	return out
}

// excerpts cuts text into at most max windows of about width bytes on
// each side of the spans, with the spans marked.
func excerpts(text string, spans []span, width, max int) [][]Segment {
	var ok []span
	for _, s := range spans {
		if s.start >= 0 && s.end <= len(text) && s.start < s.end {
			ok = append(ok, s)
		}
	}
	sort.Slice(ok, func(i, j int) bool { return ok[i].start < ok[j].start })
	type window struct{ lo, hi int }
	var wins []window
	for _, s := range ok {
		lo, hi := s.start-width, s.end+width
		if lo < 0 {
			lo = 0
		}
		if hi > len(text) {
			hi = len(text)
		}
		for lo > 0 && !utf8.RuneStart(text[lo]) {
			lo--
		}
		for hi < len(text) && !utf8.RuneStart(text[hi]) {
			hi++
		}
		if n := len(wins); n > 0 && lo <= wins[n-1].hi {
			if hi > wins[n-1].hi {
				wins[n-1].hi = hi
			}
			continue
		}
		if len(wins) == max {
			break
		}
		wins = append(wins, window{lo, hi})
	}
	var out [][]Segment
	for _, w := range wins {
		var in []span
		for _, s := range ok {
			if s.start >= w.lo && s.end <= w.hi {
				in = append(in, span{s.start - w.lo, s.end - w.lo, s.note})
			}
		}
		out = append(out, markSpans(text[w.lo:w.hi], in))
	}
	return out
}
