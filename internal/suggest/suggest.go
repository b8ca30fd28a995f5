// Package suggest finds the known name a mistyped one most likely meant,
// for "did you mean" hints in error messages.
package suggest

import (
	"strings"
	"unicode"
)

// Nearest returns the known key a mistyped key most likely meant: the
// same letters without case, '_' and '-' (startUrls, start-urls), or at most
// two edits away (max_page, paralelism); "" when none is close.
func Nearest(key string, known []string) string {
	squash := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r == '_' || r == '-' {
				return -1
			}
			return unicode.ToLower(r)
		}, s)
	}
	best, bestD := "", 3
	for _, k := range known {
		if squash(k) == squash(key) {
			return k
		}
		if d := editDistance(squash(key), squash(k)); d < bestD && d < len(squash(k))/2 {
			best, bestD = k, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of two short strings.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
