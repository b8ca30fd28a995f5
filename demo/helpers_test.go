package demo

import (
	"html/template"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// template_escape escapes s as html/template writes text.
func template_escape(s string) string { return template.HTMLEscapeString(s) }

// simplifiedchineseStrict encodes s in GBK and fails on any character GBK
// lacks.
func simplifiedchineseStrict(s string) ([]byte, error) {
	return simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
}
