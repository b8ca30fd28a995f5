package server

import (
	"net/url"
	"strings"
	"testing"
)

// TestReview6CheckParams: an unknown query parameter is refused with the
// closest known one; known ones pass.
func TestReview6CheckParams(t *testing.T) {
	params := []param{{Name: "platform"}, {Name: "status"}, {Name: "substance"}, {Name: "limit"}}
	cases := []struct {
		query, wantIn string // wantIn "" means accepted
	}{
		{"platform=ChemHub&status=open", ""},
		{"", ""},
		{"platfrom=ChemHub", `unknown query parameter "platfrom" (did you mean "platform"?)`},
		{"stauts=open", `"stauts" (did you mean "status"?)`},
		{"substnace=x", `"substnace" (did you mean "substance"?)`},
		{"Platform=x", `"Platform" (did you mean "platform"?)`},
		{"zzzzzz=1", `unknown query parameter "zzzzzz"; this route takes platform, status, substance, limit`},
		{"b=1&a=2", `"a"`}, // the first unknown one by name
	}
	for _, c := range cases {
		v, _ := url.ParseQuery(c.query)
		err := checkParams(v, params)
		switch {
		case c.wantIn == "" && err != nil:
			t.Errorf("checkParams(%q) = %v, want nil", c.query, err)
		case c.wantIn != "" && (err == nil || !strings.Contains(err.Error(), c.wantIn)):
			t.Errorf("checkParams(%q) = %v, want an error holding %s", c.query, err, c.wantIn)
		}
	}
	if err := checkParams(url.Values{"x": {"1"}}, nil); err == nil || !strings.Contains(err.Error(), "takes none") {
		t.Errorf("checkParams(x=1, no params) = %v, want 'takes none'", err)
	}
}

// TestReview6Excerpts: windows around the spans, marks inside, nothing cut
// inside a character.
func TestReview6Excerpts(t *testing.T) {
	text := strings.Repeat("é", 100) + "BMK glycidate 5449-12-7" + strings.Repeat("ж", 100) + "wickr me" + strings.Repeat(".", 300)
	bmk := strings.Index(text, "BMK glycidate")
	cas := strings.Index(text, "5449-12-7")
	wk := strings.Index(text, "wickr")
	got := excerpts(text, []span{{bmk, bmk + 13, "BMK"}, {cas, cas + 9, "cas"}, {wk, wk + 5, "wickr"}, {-1, 3, ""}, {5, 99999, ""}}, 20, 3)
	if len(got) != 2 {
		t.Fatalf("excerpts: %d windows, want 2 (BMK and CAS together, wickr apart): %+v", len(got), got)
	}
	var marks []string
	for _, w := range got {
		var b strings.Builder
		for _, s := range w {
			b.WriteString(s.Text)
			if s.Mark {
				marks = append(marks, s.Text)
			}
		}
		if !strings.Contains(text, b.String()) || !utf8Valid(b.String()) {
			t.Errorf("window %q is not a whole-character piece of the text", b.String())
		}
	}
	if want := []string{"BMK glycidate", "5449-12-7", "wickr"}; strings.Join(marks, "|") != strings.Join(want, "|") {
		t.Errorf("marks %q, want %q", marks, want)
	}
}

func utf8Valid(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }
