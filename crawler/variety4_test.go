package crawler

import (
	"encoding/binary"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/precwatch/precwatch"
)

// TestJSONUTF16 checks JSON feeds in UTF-16 (as .NET services write them),
// with and without a BOM, in both byte orders, whatever the header says;
// UTF-8 JSON is unchanged.
func TestJSONUTF16(t *testing.T) {
	const doc = `{"title":"Сафрол 99%"}`
	enc := func(bom bool, big bool) []byte {
		var b []byte
		if bom {
			if big {
				b = append(b, 0xfe, 0xff)
			} else {
				b = append(b, 0xff, 0xfe)
			}
		}
		for _, c := range utf16.Encode([]rune(doc)) {
			if big {
				b = binary.BigEndian.AppendUint16(b, c)
			} else {
				b = binary.LittleEndian.AppendUint16(b, c)
			}
		}
		return b
	}
	for _, c := range []struct {
		name string
		body []byte
		ct   string
	}{
		{"le bom", enc(true, false), "application/json"},
		{"be bom", enc(true, true), "application/json; charset=utf-8"},
		{"le no bom", enc(false, false), "application/json"},
		{"be no bom", enc(false, true), ""},
		{"utf-8", []byte(doc), "application/json"},
	} {
		got, _, err := toUTF8(c.body, c.ct, precwatch.KindJSON)
		if err != nil || string(got) != doc {
			t.Errorf("%s: toUTF8 = %q, %v; want %q", c.name, got, err, doc)
		}
	}
}

// TestMisspeltCharsets checks pages whose charset label is written as old
// sites write it (win-1251, windows1251, cp-1251, koi8r, latin-1, cp932),
// in the header or in a <meta>: before, the label was unknown and the page
// read as windows-1252.
func TestMisspeltCharsets(t *testing.T) {
	const want = "Сафрол"
	cp1251 := []byte{0xD1, 0xE0, 0xF4, 0xF0, 0xEE, 0xEB}
	koi8 := []byte{0xF3, 0xC1, 0xC6, 0xD2, 0xCF, 0xCC}
	page := func(meta string, text []byte) []byte {
		return append(append([]byte(`<html><head>`+meta+`</head><body><h1>`), text...), []byte(`</h1></body></html>`)...)
	}
	for _, c := range []struct {
		name, ct string
		body     []byte
	}{
		{"header win-1251", "text/html; charset=win-1251", page("", cp1251)},
		{"header windows1251", "text/html; charset=windows1251", page("", cp1251)},
		{"meta cp-1251", "text/html", page(`<meta charset="cp-1251">`, cp1251)},
		{"meta http-equiv win-1251", "text/html", page(`<meta http-equiv="Content-Type" content="text/html; charset=win-1251">`, cp1251)},
		{"header koi8r", "text/html; charset=koi8r", page("", koi8)},
	} {
		got, _, err := toUTF8(c.body, c.ct, precwatch.KindHTML)
		if err != nil || !strings.Contains(string(got), "<h1>"+want+"</h1>") {
			t.Errorf("%s: toUTF8 = %q, %v; want %q in the h1", c.name, got, err, want)
		}
	}
	for _, l := range []string{"latin-1", "cp932", "euc_jp", "gb-2312", "iso8859-5", "cp-1250"} {
		if e, _ := lookupCharset(l); e == nil {
			t.Errorf("lookupCharset(%q) = nil", l)
		}
	}
	if e, _ := lookupCharset("klingon"); e != nil {
		t.Errorf("lookupCharset(klingon) found an encoding")
	}
}

func TestRateLimitReset(t *testing.T) {
	now := time.Unix(1_800_000_000, 0)
	for _, c := range []struct {
		name string
		h    http.Header
		want time.Duration
		ok   bool
	}{
		{"retry-after wins", http.Header{"Retry-After": {"7"}, "X-Ratelimit-Reset": {"1800000030"}}, 7 * time.Second, true},
		{"epoch seconds", http.Header{"X-Ratelimit-Reset": {"1800000030"}}, 30 * time.Second, true},
		{"epoch millis", http.Header{"X-Rate-Limit-Reset": {"1800000004500"}}, 4500 * time.Millisecond, true},
		{"delta", http.Header{"Ratelimit-Reset": {"12"}}, 12 * time.Second, true},
		{"discord", http.Header{"X-Ratelimit-Reset-After": {"1.5"}}, 1500 * time.Millisecond, true},
		{"past", http.Header{"X-Ratelimit-Reset": {"1700000000"}}, 0, true},
		{"capped", http.Header{"X-Ratelimit-Reset": {"1900000000"}}, maxRetryAfter, true},
		{"none", http.Header{}, 0, false},
	} {
		got, ok := retryAfter(c.h, now)
		if got != c.want || ok != c.ok {
			t.Errorf("%s: retryAfter = %v, %v; want %v, %v", c.name, got, ok, c.want, c.ok)
		}
	}
	if d, ok := rateLimitExhausted(http.Header{"X-Ratelimit-Remaining": {"0"}, "X-Ratelimit-Reset": {"1800000010"}}, now); !ok || d != 10*time.Second {
		t.Errorf("rateLimitExhausted(remaining 0) = %v, %v; want 10s, true", d, ok)
	}
	if _, ok := rateLimitExhausted(http.Header{"X-Ratelimit-Remaining": {"3"}, "X-Ratelimit-Reset": {"1800000010"}}, now); ok {
		t.Errorf("rateLimitExhausted(remaining 3) = true")
	}
}

func TestUndeclaredXML(t *testing.T) {
	for _, c := range []struct {
		ct, body string
		want     bool
	}{
		{"application/xml", "<products><product/></products>", true},
		{"text/xml; charset=utf-8", "\xef\xbb\xbf\n<feed/>", true},
		{"application/rss+xml", "<rss/>", true},
		{"application/xml", `<?xml version="1.0"?><products/>`, false},
		{"application/xhtml+xml", "<html><body/></html>", false},
		{"text/xml", "<!DOCTYPE html><html></html>", false},
		{"text/html", "<products/>", false},
		{"application/xml", "not xml", false},
	} {
		if got := undeclaredXML(c.ct, []byte(c.body)); got != c.want {
			t.Errorf("undeclaredXML(%q, %q) = %v, want %v", c.ct, c.body, got, c.want)
		}
	}
}
