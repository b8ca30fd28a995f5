package config

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParse checks that no input makes Parse panic, that a failure is an
// *Error with at least one problem, and that every target of a config that
// loads also passes ValidateTarget.
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.yml")
	for _, file := range files {
		if b, err := os.ReadFile(file); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("targets: [{<<: {name: a}, name: b}]"))
	f.Add([]byte("a: &a [*a]"))
	env := mapEnv(map[string]string{"CHEMHUB_WEBHOOK_SECRET": "s", "A": "1"})
	f.Fuzz(func(t *testing.T, data []byte) {
		cfg, err := Parse("fuzz.yml", data, env)
		if err != nil {
			e, ok := err.(*Error)
			if !ok || len(e.Problems) == 0 {
				t.Fatalf("Parse error %T %v: want an *Error with problems", err, err)
			}
			return
		}
		for i := range cfg.Targets {
			tg := cfg.Targets[i]
			if err := ValidateTarget(&tg); err != nil {
				t.Fatalf("target %d loaded but fails ValidateTarget: %v", i, err)
			}
		}
	})
}
