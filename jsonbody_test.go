package precwatch

import "testing"

func TestRequestBody(t *testing.T) {
	for _, tc := range []struct {
		tmpl, cursor string
		page, offset int
		want         string
	}{
		{`{"variables":{"page":${page}}}`, "", 1, 0, `{"variables":{"page":1}}`},
		{`{"variables":{"after":${cursor},"n":20}}`, "", 1, 0, `{"variables":{"after":null,"n":20}}`},
		{`{"variables":{"after":${cursor}}}`, `Y3Vy"x`, 2, 20, `{"variables":{"after":"Y3Vy\"x"}}`},
		{`{"after":"${cursor}","from":${offset}}`, "abc", 3, 40, `{"after":"abc","from":40}`},
		{`{"after":"${cursor}"}`, "", 1, 0, `{"after":null}`},
		{`{"q":"acetone"}`, "x", 9, 9, `{"q":"acetone"}`},
	} {
		got := JSONSpec{Body: tc.tmpl}.RequestBody(tc.page, tc.offset, tc.cursor)
		if got != tc.want {
			t.Errorf("RequestBody(%s, page %d, offset %d, cursor %q) = %s, want %s", tc.tmpl, tc.page, tc.offset, tc.cursor, got, tc.want)
		}
	}
}

// TestRequestBodyPage0 fills ${page0}, the page counted from 0 (Algolia's
// first page is 0), beside ${page}.
func TestRequestBodyPage0(t *testing.T) {
	s := JSONSpec{Body: `{"params": "page=${page0}&hitsPerPage=2", "n": ${page0}, "p": ${page}}`}
	for page, want := range map[int]string{1: `{"params": "page=0&hitsPerPage=2", "n": 0, "p": 1}`, 3: `{"params": "page=2&hitsPerPage=2", "n": 2, "p": 3}`} {
		if got := s.RequestBody(page, 0, ""); got != want {
			t.Errorf("page %d: %s, want %s", page, got, want)
		}
	}
	if !s.UsesPageVar("page") || (JSONSpec{Body: `{"o": ${offset}}`}).UsesPageVar("page") {
		t.Error("UsesPageVar(page) should count ${page0}, and only it or ${page}")
	}
}
