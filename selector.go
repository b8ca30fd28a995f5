package precwatch

import "strings"

// knownPseudo are the pseudo-classes a selector may name after a type
// ("a:first-child"); any other "prefix:name" is an XML element with a
// namespace prefix ("g:price"). :link and :visited count as pseudo-classes
// only after a, area and link.
var knownPseudo = map[string]bool{
	"not": true, "has": true, "haschild": true, "contains": true, "containsown": true,
	"matches": true, "matchesown": true, "nth-child": true, "nth-last-child": true,
	"nth-of-type": true, "nth-last-of-type": true, "first-child": true, "last-child": true,
	"first-of-type": true, "last-of-type": true, "only-child": true, "only-of-type": true,
	"input": true, "empty": true, "root": true, "lang": true, "enabled": true,
	"disabled": true, "checked": true, "selected": true, "optional": true, "required": true,
	"hover": true, "active": true, "focus": true, "target": true, "placeholder-shown": true,
	"first": true, "last": true, "eq": true, "gt": true, "lt": true, "even": true, "odd": true,
	"is": true, "where": true,
}

// LocalNames drops XML namespace prefixes from the type selectors of a CSS
// selector — "g:price", "g\:price" and "g|price" become "price" — since
// crawler/extract reads XML documents with their elements named by local
// name and partners copy element names from their feeds as they are
// written. config validates a target's selectors through it and
// crawler/extract compiles them through it, so both read a selector alike.
// Pseudo-classes ("li:first-child"), attribute selectors and quoted text
// are left alone.
func LocalNames(sel string) string {
	if !strings.ContainsAny(sel, ":|") {
		return sel
	}
	var b strings.Builder
	var quote byte
	brackets := 0
	typeStart := true // a type selector may start here
	for i := 0; i < len(sel); {
		c := sel[i]
		switch {
		case quote != 0:
			if c == '\\' && i+1 < len(sel) {
				b.WriteString(sel[i : i+2])
				i += 2
				continue
			}
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case brackets == 0 && c == '(' && textPseudo(b.String()):
			// :contains(…) and :matches(…) hold text, not selectors:
			// copy them as they are.
			j, depth := i, 0
			for ; j < len(sel); j++ {
				if sel[j] == '(' {
					depth++
				} else if sel[j] == ')' {
					depth--
					if depth == 0 {
						break
					}
				}
			}
			j = min(j+1, len(sel))
			b.WriteString(sel[i:j])
			i = j
			typeStart = false
			continue
		case c == '[':
			brackets++
		case c == ']' && brackets > 0:
			brackets--
		case brackets == 0 && typeStart && (isIdentStart(c) || c == '*'):
			j := i + 1
			if c != '*' {
				for j < len(sel) && isIdentByte(sel[j]) {
					j++
				}
			}
			prefix, rest := sel[i:j], sel[j:]
			drop := 0
			switch {
			case strings.HasPrefix(rest, `\:`) && len(rest) > 2 && isIdentStart(rest[2]):
				drop = 2
			case strings.HasPrefix(rest, "|") && len(rest) > 1 && (isIdentStart(rest[1]) || rest[1] == '*'):
				drop = 1
			case c != '*' && strings.HasPrefix(rest, ":") && len(rest) > 1 && isIdentStart(rest[1]):
				k := 2
				for k < len(rest) && isIdentByte(rest[k]) {
					k++
				}
				name := strings.ToLower(rest[1:k])
				p := strings.ToLower(prefix)
				pseudo := knownPseudo[name] || (name == "link" || name == "visited") && (p == "a" || p == "area" || p == "link")
				if !pseudo && (k == len(rest) || rest[k] != '(') {
					drop = 1
				}
			}
			if drop > 0 {
				i = j + drop
				continue // the local name follows, still a type selector
			}
			b.WriteString(prefix)
			i = j
			typeStart = false
			continue
		}
		b.WriteByte(c)
		i++
		if quote == 0 && brackets == 0 {
			typeStart = c == ' ' || c == '\t' || c == '\n' || c == '>' || c == '+' || c == '~' || c == ',' || c == '('
		}
	}
	return b.String()
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentByte(c byte) bool {
	return isIdentStart(c) || c == '-' || c >= '0' && c <= '9'
}

// textPseudo reports whether a selector written so far ends with a
// pseudo-class whose argument is text (:contains, :containsOwn, :matches,
// :matchesOwn).
func textPseudo(written string) bool {
	i := strings.LastIndexByte(written, ':')
	if i < 0 {
		return false
	}
	switch strings.ToLower(written[i+1:]) {
	case "contains", "containsown", "matches", "matchesown":
		return true
	}
	return false
}
