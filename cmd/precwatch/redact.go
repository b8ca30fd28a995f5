package main

import (
	"io"

	"github.com/precwatch/precwatch"
)

// redactingWriter passes what a command prints through
// precwatch.RedactSecrets: a target's start URL may carry an API key or a
// password (`?api_key=…`, `https://user:pass@…`), and pages, errors and
// listing URLs built from it carry it too. serve's API and log mask the same
// secrets the same way (docs/SERVER.md, "Secrets").
//
// Each Write is redacted on its own, so a secret is masked only when one
// Write holds all of it: the commands that use it print whole lines.
type redactingWriter struct{ w io.Writer }

func (r redactingWriter) Write(p []byte) (int, error) {
	if _, err := io.WriteString(r.w, precwatch.RedactSecrets(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// redactedEnv returns env with its output and error streams redacted.
func redactedEnv(env *Env) *Env {
	e := *env
	e.Stdout = redactingWriter{env.Stdout}
	e.Stderr = redactingWriter{env.Stderr}
	return &e
}
