package main

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"testing"

	"github.com/precwatch/precwatch/tickets"
)

// TestWebAuthorizationMatrix: every state-changing UI route × role ×
// own/other platform, through a signed-in session with a valid CSRF token;
// a refused post is 403 and changes nothing.
func TestWebAuthorizationMatrix(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	n := 0
	ticket := func(own bool) int64 { return f.byPlat[platformOf(own)] }
	type webCase struct {
		route string
		path  func(own bool) string
		form  func(own bool) url.Values
		want  func(role string, own bool) int
	}
	ok := http.StatusSeeOther
	cases := []webCase{
		{"POST /tickets/{id}/status", func(own bool) string { return fmt.Sprintf("/tickets/%d/status", ticket(own)) }, func(own bool) url.Values {
			tk, _ := f.a.store.Ticket(ctx, ticket(own))
			return url.Values{"status": {tickets.Transitions[tk.Status][0]}, "reason": {"web matrix"}}
		}, reviewWrite(ok)},
		{"POST /tickets/{id}/assign", func(own bool) string { return fmt.Sprintf("/tickets/%d/assign", ticket(own)) }, func(bool) url.Values {
			n++
			return url.Values{"assignee": {fmt.Sprintf("bob-%d", n)}}
		}, reviewWrite(ok)},
		{"POST /tickets/{id}/note", func(own bool) string { return fmt.Sprintf("/tickets/%d/note", ticket(own)) }, func(bool) url.Values {
			return url.Values{"note": {"seen"}}
		}, reviewWrite(ok)},
		{"POST /targets/edit (save)", func(bool) string { return "/targets/edit" }, func(own bool) url.Values {
			n++
			return url.Values{"action": {"save"}, "yaml": {targetYAMLForTest(t, f.apiTarget(fmt.Sprintf("web-%d", n), platformOf(own)))}}
		}, targetWrite(ok)},
		{"POST /targets/edit (test)", func(bool) string { return "/targets/edit" }, func(own bool) url.Values {
			return url.Values{"action": {"test"}, "yaml": {targetYAMLForTest(t, f.apiTarget("web-probe", platformOf(own)))}}
		}, targetWrite(http.StatusOK)},
		{"POST /targets/{name}/run", func(own bool) string { return "/targets/" + f.siteName(platformOf(own)) + "/run" }, func(bool) url.Values { return url.Values{} }, targetWrite(ok)},
		{"POST /targets/{name}/delete", func(own bool) string {
			n++
			name := fmt.Sprintf("webdel-%d", n)
			if err := f.a.store.PutTarget(ctx, f.apiTarget(name, platformOf(own))); err != nil {
				t.Fatal(err)
			}
			return "/targets/" + name + "/delete"
		}, func(bool) url.Values { return url.Values{} }, targetWrite(ok)},
	}
	for _, role := range matrixRoles {
		b := newBrowser(t, f.srv.URL, nil)
		b.signIn(f.tokens[role])
		for _, c := range cases {
			for _, own := range []bool{true, false} {
				form, path := c.form(own), c.path(own)
				form.Set("csrf", b.csrf)
				before := f.state()
				code, body, _ := b.post(path, form, nil)
				if want := c.want(role, own); code != want {
					t.Errorf("%s as %s on %s platform: %d, want %d (%s)", c.route, role, platformOf(own), code, want, short(body))
				}
				f.waitIdle()
				if code >= 400 && f.state() != before {
					t.Errorf("%s as %s on %s platform was refused (%d) but changed the data", c.route, role, platformOf(own), code)
				}
			}
		}
	}
}

// TestNotFound: unknown tickets and targets are 404 to those who may look.
func TestNotFound(t *testing.T) {
	f := newFixture(t)
	for _, role := range matrixRoles {
		if code, _ := f.do(role, "GET", "/api/v1/tickets/999999", ""); code != 404 {
			t.Errorf("GET unknown ticket as %s: %d, want 404", role, code)
		}
		want := 404
		if role == "reviewer" {
			want = 403 // reviewers may not read targets at all
		}
		if code, _ := f.do(role, "GET", "/api/v1/targets/no-such-target", ""); code != want {
			t.Errorf("GET unknown target as %s: %d, want %d", role, code, want)
		}
	}
	if code, _ := f.do("admin", "GET", "/evidence/"+fmt.Sprintf("%064x", 1), ""); code != 404 {
		t.Errorf("unknown evidence: %d, want 404", code)
	}
	if code, _ := f.do("admin", "GET", "/api/v1/tickets/abc", ""); code != 400 {
		t.Errorf("ticket id abc: %d, want 400", code)
	}
}
