package server

import (
	"html"
	"sort"
	"strings"
	"unicode/utf8"
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
