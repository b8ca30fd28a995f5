package suggest

import "testing"

func TestNearest(t *testing.T) {
	known := []string{"start_urls", "max_pages", "parallelism", "source", "synonyms", "id"}
	tests := []struct{ key, want string }{
		{"startUrls", "start_urls"},  // case, '_' and '-' ignored
		{"start-urls", "start_urls"}, //
		{"max_page", "max_pages"},    // one edit
		{"paralelism", "parallelism"},
		{"synonym", "synonyms"},
		{"sources", "source"},
		{"colour", ""}, // nothing close
		{"ix", ""},     // too short a key for an edit to be a guess
	}
	for _, tt := range tests {
		if got := Nearest(tt.key, known); got != tt.want {
			t.Errorf("Nearest(%q) = %q, want %q", tt.key, got, tt.want)
		}
	}
}
