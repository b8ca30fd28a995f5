package precwatch

import "testing"

func TestCSVSafe(t *testing.T) {
	for in, want := range map[string]string{
		"":                  "",
		"Ephedrine HCl":     "Ephedrine HCl",
		"=HYPERLINK(\"x\")": "'=HYPERLINK(\"x\")",
		"+1 555 0100":       "'+1 555 0100",
		"-2+3":              "'-2+3",
		"@SUM(A1)":          "'@SUM(A1)",
		"\tcmd":             "'\tcmd",
		"\rcmd":             "'\rcmd",
		"price = 3":         "price = 3",
		"5449-12-7":         "5449-12-7",
	} {
		if got := CSVSafe(in); got != want {
			t.Errorf("CSVSafe(%q) = %q, want %q", in, got, want)
		}
	}
}
