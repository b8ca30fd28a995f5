package index

import (
	"context"
	"fmt"
	"testing"
)

func BenchmarkExpFields(b *testing.B) {
	for _, keep := range []string{"all"} {
		b.Run(keep, func(b *testing.B) {
			set := map[string]bool{}
			for _, f := range splitComma(keep) {
				set[f] = true
			}
			omitField = func(name string) bool {
				switch keep {
				case "all":
					return false
				case "no-numeric":
					return name == fScore || name == fFirstSeen || name == fLastSeen
				case "no-keywords":
					for _, k := range keywordFields {
						if k == name {
							return true
						}
					}
					return false
				}
				return !set[name]
			}
			defer func() { omitField = nil }()
			x, _ := MustOpen(b, Options{})
			rs := genResults(2, 0, b.N)
			cpu0 := cpuTime()
			b.ResetTimer()
			if err := x.Put(context.Background(), rs, benchStart); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/(cpuTime()-cpu0).Seconds(), "hits/cpu-s")
		})
	}
}

func splitComma(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ',' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}

var _ = fmt.Sprint
