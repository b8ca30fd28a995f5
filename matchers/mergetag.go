package matchers

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// Mail-merge placeholders: a newsletter or a templated ad saved before its
// merge tags were filled in ("Hi *|FNAME|*,", "Hello {{first_name}}",
// "Dear %FIRSTNAME%") holds tags that are no words of the text. The
// matcher reads past them: a greeting "Hi *|FNAME|*," is the greeting
// "Hi,", and a short ambiguous term right before a tag for the reader's
// name is a salutation, not a substance.

// maxPlaceholder bounds the bytes of one placeholder.
const maxPlaceholder = 96

// placeholderDelims are the opening and closing delimiters of merge tags:
// Mailchimp, Handlebars/Liquid (Klaviyo, HubSpot, SendGrid), Liquid tags,
// Salesforce's %%field%%, [[field]] and ${field}, and %FIELD% (Sendinblue,
// Mailjet) last, since %% opens it too.
var placeholderDelims = [][2]string{{"*|", "|*"}, {"{{", "}}"}, {"{%", "%}"}, {"%%", "%%"}, {"[[", "]]"}, {"${", "}"}, {"%", "%"}}

// placeholderOpen holds the first byte of each opening delimiter.
var placeholderOpen = func() (t [256]bool) {
	for _, d := range placeholderDelims {
		t[d[0][0]] = true
	}
	return
}()

// placeholderAt returns the end of the merge tag that starts at norm[i]
// and the field it names, lower-cased, without an object prefix or filter
// ("contact.first_name | default: 'there'" names "first_name"); ok is false
// when no tag starts there. A tag holds no line break; a %FIELD% tag holds
// one word that starts with a letter, so that "57% … 10%" is none.
func placeholderAt(norm []byte, i int) (end int, name string, ok bool) {
	rest := norm[i:]
	if len(rest) == 0 || !placeholderOpen[rest[0]] {
		return 0, "", false // most terms are followed by a word
	}
	for _, d := range placeholderDelims {
		if !bytes.HasPrefix(rest, []byte(d[0])) {
			continue
		}
		body := rest[len(d[0]):min(len(rest), maxPlaceholder)]
		k := bytes.Index(body, []byte(d[1]))
		if k <= 0 || bytes.IndexByte(body[:k], '\n') >= 0 {
			continue
		}
		inner := strings.TrimSpace(string(body[:k]))
		if d[0] == "%" && !fieldWord(inner) {
			continue
		}
		if inner == "" {
			continue
		}
		name = inner
		if j := strings.IndexAny(name, " |"); j >= 0 {
			name = name[:j]
		}
		if j := strings.LastIndexAny(name, ".:"); j >= 0 {
			name = name[j+1:]
		}
		return i + len(d[0]) + k + len(d[1]), name, true
	}
	return 0, "", false
}

// fieldWord reports whether s is one merge field name: an ASCII letter,
// then letters, digits, '_', '.' and ':' only.
func fieldWord(s string) bool {
	if s == "" || !(s[0] >= 'a' && s[0] <= 'z') {
		return false
	}
	for i := 1; i < len(s); i++ {
		c := s[i]
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == ':') {
			return false
		}
	}
	return true
}

// nameFields are merge fields that fill in the reader's name, with '_' and
// '-' removed.
var nameFields = wordSet("fname", "lname", "firstname", "lastname", "name", "fullname", "nickname", "salutation",
	"recipient", "recipientname", "subscriber", "subscribername", "username", "contactname", "customername",
	"givenname", "surname", "displayname", "first", "last", "vorname", "nachname", "prenom", "nombre", "nome", "imya", "ime")

// nameField reports whether a merge field fills in the reader's name.
func nameField(name string) bool {
	return nameFields[strings.NewReplacer("_", "", "-", "").Replace(name)]
}

// mergeGreeting reports whether the ambiguous term at norm[s:e] stands
// before a merge tag: right before one that fills in the reader's name
// ("Hi *|FNAME|*"), a salutation; or before another tag after which one
// of the term's block phrases reads on, as if the tag were not there
// ("Hi {{x}}," is "Hi,"). blocks are the term's block phrases.
func mergeGreeting(norm []byte, s, e int, blocks []string) bool {
	i := e
	for i < len(norm) && norm[i] == ' ' {
		i++
	}
	if i == e || i >= len(norm) {
		return false
	}
	end, name, ok := placeholderAt(norm, i)
	if !ok {
		return false
	}
	if nameField(name) {
		return true
	}
	read := make([]byte, 0, e-s+48)
	read = append(read, norm[s:e]...)
	read = append(read, norm[end:min(len(norm), end+48)]...)
	for _, b := range blocks {
		nb := Normalize(b).Norm
		if len(nb) == 0 || !bytes.HasPrefix(read, nb) {
			continue
		}
		if len(read) == len(nb) {
			return true
		}
		last, _ := utf8.DecodeLastRune(nb)
		next, _ := utf8.DecodeRune(read[len(nb):])
		if !isWordRune(last) || !isWordRune(next) {
			return true
		}
	}
	return false
}
