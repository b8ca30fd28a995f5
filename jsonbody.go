package precwatch

import (
	"encoding/json"
	"strconv"
	"strings"
)

// IsPost reports whether a json target's feed is requested with POST.
func (s JSONSpec) IsPost() bool { return strings.EqualFold(strings.TrimSpace(s.Method), "POST") }

// RequestBody returns the body of a POST feed's request for one page: Body
// with its page variables (JSONPageVars) filled in. ${page} and ${offset}
// become numbers; ${cursor} becomes a JSON string, or null when cursor is
// empty (the first page), also when the template quotes it ("${cursor}"),
// so that `"variables": {"after": ${cursor}}` reads as GraphQL wants it.
// config validates a template through it and crawler sends what it
// returns, so both read a template alike.
func (s JSONSpec) RequestBody(page, offset int, cursor string) string {
	c := "null"
	if cursor != "" {
		b, _ := json.Marshal(cursor)
		c = string(b)
	}
	r := strings.NewReplacer(
		`"${cursor}"`, c,
		"${cursor}", c,
		"${page}", strconv.Itoa(page),
		"${offset}", strconv.Itoa(offset),
	)
	return r.Replace(s.Body)
}

// UsesPageVar reports whether a POST feed's body names the page variable
// name ("page", "offset" or "cursor").
func (s JSONSpec) UsesPageVar(name string) bool {
	return strings.Contains(s.Body, "${"+name+"}")
}
