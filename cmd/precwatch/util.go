package main

import (
	"encoding/json"
	"io"
	"os"

	"github.com/mattn/go-isatty"
)

// mustJSON marshals v, which is always a plain map or struct here.
func mustJSON(v any) json.RawMessage {
	b, err := json.Marshal(v)
	if err != nil {
		return json.RawMessage(`null`)
	}
	return b
}

// isTerminal reports whether w is an interactive terminal (for progress).
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && isatty.IsTerminal(f.Fd())
}
