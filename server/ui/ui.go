// Package ui holds precwatch's web pages: html/template templates and their
// CSS, embedded in the binary (no CDN, no build step). Templates escape
// every value; crawled text reaches them as plain strings only.
package ui

import (
	"embed"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"strings"
	"time"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// UI renders pages. It is safe for concurrent use.
type UI struct {
	pages map[string]*template.Template
}

var funcs = template.FuncMap{
	"time": func(t time.Time) string {
		if t.IsZero() {
			return "—"
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"timep": func(t *time.Time) string {
		if t == nil || t.IsZero() {
			return "—"
		}
		return t.UTC().Format("2006-01-02 15:04 UTC")
	},
	"score": func(f float64) string { return fmt.Sprintf("%.2f", f) },
	"join":  strings.Join,
	"add":   func(a, b int) int { return a + b },
	// plural spells a count with its noun: "1 listing", "3 listings".
	"plural": func(n int, word string) string {
		if n == 1 {
			return "1 " + word
		}
		return fmt.Sprintf("%d %ss", n, word)
	},
	"label": func(s string) string { return strings.ReplaceAll(s, "_", " ") },
	"short": func(s string, n int) string {
		if len(s) <= n {
			return s
		}
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		return string(r[:n]) + "…"
	},
	"duration": func(a time.Time, b *time.Time) string {
		if b == nil {
			return "running"
		}
		return b.Sub(a).Round(time.Second).String()
	},
	"hasRole": func(role string, roles ...string) bool {
		for _, r := range roles {
			if r == role {
				return true
			}
		}
		return false
	},
}

// New parses the embedded templates: each page is the layout plus its own
// file.
func New() (*UI, error) {
	u := &UI{pages: map[string]*template.Template{}}
	names, err := fs.Glob(templateFS, "templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("ui templates: %w", err)
	}
	for _, n := range names {
		name := strings.TrimSuffix(strings.TrimPrefix(n, "templates/"), ".html")
		if name == "layout" {
			continue
		}
		t, err := template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", n)
		if err != nil {
			return nil, fmt.Errorf("ui template %s: %w", name, err)
		}
		u.pages[name] = t
	}
	return u, nil
}

// Render writes page name with data.
func (u *UI) Render(w io.Writer, name string, data any) error {
	t, ok := u.pages[name]
	if !ok {
		return fmt.Errorf("ui: no page %q", name)
	}
	return t.ExecuteTemplate(w, "layout.html", data)
}

// Static serves the embedded assets under /static/.
func (u *UI) Static() http.Handler {
	sub, _ := fs.Sub(staticFS, "static")
	fsrv := http.StripPrefix("/static/", http.FileServer(http.FS(sub)))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
}
