package demo

import (
	"html/template"
	"strings"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// template_escape escapes s as html/template writes text.
func template_escape(s string) string { return template.HTMLEscapeString(s) }

// simplifiedchineseStrict encodes s in GBK and fails on any character GBK
// lacks.
func simplifiedchineseStrict(s string) ([]byte, error) {
	return simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
}

// literal returns the longest stretch of a phrase template without a
// placeholder, to find the sentence in a generated text.
func literal(p string) string {
	best := ""
	for part := range strings.SplitSeq(p, "{") {
		if _, after, ok := strings.Cut(part, "}"); ok {
			part = after
		}
		if len(part) > len(best) {
			best = part
		}
	}
	return strings.TrimSpace(best)
}
