package crawler

import (
	"encoding/binary"
	"testing"
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
