package precwatch

import "strings"

// CSVSafe defuses crawled text that a spreadsheet would run as a formula
// when a CSV export is opened (OWASP "CSV injection"): a value starting
// with =, +, -, @, a tab or a carriage return gets a leading apostrophe.
// Every CSV export (tickets, search results) writes crawled fields
// through it.
func CSVSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
