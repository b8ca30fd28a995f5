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
