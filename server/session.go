package server

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"sync"
	"time"
)

// Cookie names.
const (
	sessionCookie    = "pw_session"
	loginCSRFCookie  = "pw_login_csrf"
	maxSessions      = 10000
	csrfField        = "csrf"
	sessionIDEntropy = 32
)

// session is a signed-in browser. The token stays on the server and is
// re-authenticated on every request, so a revoked token ends its sessions.
type session struct {
	id      string
	token   string
	csrf    string
	expires time.Time
}

// sessions is the server-side session table, keyed by random ids.
type sessions struct {
	ttl time.Duration
	now func() time.Time

	mu sync.Mutex
	m  map[string]*session
}

func newSessions(ttl time.Duration, now func() time.Time) *sessions {
	return &sessions{ttl: ttl, now: now, m: map[string]*session{}}
}

// randomID returns n random bytes, base64url encoded.
func randomID(n int) string {
	b := make([]byte, n)
	rand.Read(b) // never fails (crypto/rand panics on failure since Go 1.24)
	return base64.RawURLEncoding.EncodeToString(b)
}

// create starts a session for token.
func (ss *sessions) create(token string) *session {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	now := ss.now()
	if len(ss.m) >= maxSessions {
		for id, s := range ss.m {
			if now.After(s.expires) {
				delete(ss.m, id)
			}
		}
	}
	if len(ss.m) >= maxSessions {
		// Still full of live sessions: the one that would expire first
		// (idle longest) makes room, so the table stays bounded.
		var oldest *session
		for _, s := range ss.m {
			if oldest == nil || s.expires.Before(oldest.expires) {
				oldest = s
			}
		}
		delete(ss.m, oldest.id)
	}
	s := &session{id: randomID(sessionIDEntropy), token: token, csrf: randomID(32), expires: now.Add(ss.ttl)}
	ss.m[s.id] = s
	return s
}

// get returns the live session id and extends it.
func (ss *sessions) get(id string) (*session, bool) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	s, ok := ss.m[id]
	if !ok {
		return nil, false
	}
	now := ss.now()
	if now.After(s.expires) {
		delete(ss.m, id)
		return nil, false
	}
	s.expires = now.Add(ss.ttl)
	return s, true
}

func (ss *sessions) delete(id string) {
	ss.mu.Lock()
	defer ss.mu.Unlock()
	delete(ss.m, id)
}

// sameSecret compares two secrets in constant time; empty never matches.
func sameSecret(a, b string) bool {
	return a != "" && b != "" && subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// setCookie sets a strict, HttpOnly cookie (Secure over TLS).
func setCookie(w http.ResponseWriter, r *http.Request, name, value string, maxAge int) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: value, Path: "/", HttpOnly: true, Secure: r.TLS != nil,
		SameSite: http.SameSiteStrictMode, MaxAge: maxAge})
}
