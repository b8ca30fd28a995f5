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
// Inside a longer JSON string (a GraphQL query written inline,
// `"query": "{ offers(after: \"${cursor}\") … }"`) the cursor is its text,
// escaped for the string. config validates a template through it and
// crawler sends what it returns, so both read a template alike.
func (s JSONSpec) RequestBody(page, offset int, cursor string) string {
	return s.RequestBodyCursor(page, offset, cursor, false)
}

// RequestBodyCursor is RequestBody for a cursor that the previous page gave
// as a JSON number when number is true (a numeric last_id): where ${cursor}
// stands for a JSON value it is sent as that number, not as a string;
// written in quotes, alone or inside a longer string, it stays text.
func (s JSONSpec) RequestBodyCursor(page, offset int, cursor string, number bool) string {
	const cursorVar = "${cursor}"
	body := s.Body
	if !strings.Contains(body, "${") {
		return body
	}
	value := "null" // ${cursor} where a JSON value goes
	if cursor != "" {
		if number && isJSONNumber(cursor) {
			value = cursor
		} else {
			b, _ := json.Marshal(cursor)
			value = string(b)
		}
	}
	text := "" // ${cursor} inside a JSON string
	if cursor != "" {
		b, _ := json.Marshal(cursor)
		text = string(b[1 : len(b)-1])
	}
	var out strings.Builder
	out.Grow(len(body) + len(value))
	inString := false
	for i := 0; i < len(body); {
		c := body[i]
		switch {
		case inString && c == '\\' && i+1 < len(body):
			out.WriteString(body[i : i+2])
			i += 2
			continue
		case c == '"':
			if !inString && strings.HasPrefix(body[i+1:], cursorVar+`"`) {
				// "${cursor}" alone: null on the first page, else
				// the cursor as a string.
				if cursor == "" {
					out.WriteString("null")
				} else {
					b, _ := json.Marshal(cursor)
					out.Write(b)
				}
				i += len(cursorVar) + 2
				continue
			}
			inString = !inString
		case c == '$':
			rest := body[i:]
			switch {
			case strings.HasPrefix(rest, cursorVar):
				if inString {
					out.WriteString(text)
				} else {
					out.WriteString(value)
				}
				i += len(cursorVar)
				continue
			case strings.HasPrefix(rest, "${page0}"):
				out.WriteString(strconv.Itoa(page - 1))
				i += len("${page0}")
				continue
			case strings.HasPrefix(rest, "${page}"):
				out.WriteString(strconv.Itoa(page))
				i += len("${page}")
				continue
			case strings.HasPrefix(rest, "${offset}"):
				out.WriteString(strconv.Itoa(offset))
				i += len("${offset}")
				continue
			}
		}
		out.WriteByte(c)
		i++
	}
	return out.String()
}

// isJSONNumber reports whether s is a JSON number literal.
func isJSONNumber(s string) bool {
	if s == "" || s[0] != '-' && (s[0] < '0' || s[0] > '9') {
		return false
	}
	var n json.Number
	return json.Unmarshal([]byte(s), &n) == nil
}

// UsesPageVar reports whether a POST feed's body names the page variable
// name ("page", "offset" or "cursor"); "page" is also ${page0}, the page
// counted from 0.
func (s JSONSpec) UsesPageVar(name string) bool {
	return strings.Contains(s.Body, "${"+name+"}") || name == "page" && strings.Contains(s.Body, "${page0}")
}
