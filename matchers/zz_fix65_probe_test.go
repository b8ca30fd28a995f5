package matchers

import (
	"fmt"
	"testing"

	"github.com/precwatch/precwatch"
)

func TestFix65Probe(t *testing.T) {
	m := mustMatcher(t)
	for _, d := range []string{
		"BMK methyl glycidate | CAS 80532-66-7 | 99% | $380/kg\nPMK ethyl glycidate | CAS 28578-16-7 | 99% | $420/kg",
		"BMK methyl glycidate 99%",
		"BMK甲基缩水甘油酸酯 80532-66-7 99% $400/kg",
		"BMK甲基缩水甘油酸酯 99% $400/kg",
		"BMK етил гліцидат 41232-97-7 – $350/кг",
		"BMK етил гліцидат – $350/кг",
	} {
		r := m.Match(&precwatch.Listing{Title: "Price", Description: d})
		fmt.Printf("%v %.2f\n", r.Suspicious, r.Score)
		for _, s := range r.Substances {
			fmt.Printf("   %s %s neg=%v", s.ID, s.CAS, s.Negated)
			for _, h := range s.Hits {
				fmt.Printf(" [%s %q]", h.Kind, h.Term)
			}
			fmt.Println()
		}
	}
}
