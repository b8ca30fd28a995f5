package tickets

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"database/sql"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/precwatch/precwatch"
)

// TokenPrefix starts every API token.
const TokenPrefix = "pw_"

// Principal is who an API token stands for.
type Principal struct {
	TokenID  int64  `json:"token_id"`
	Role     string `json:"role"`
	Platform string `json:"platform,omitempty"` // partner and reviewer only
}

// Token describes a stored token; the plaintext is never stored.
type Token struct {
	ID         int64      `json:"id"`
	Role       string     `json:"role"`
	Platform   string     `json:"platform,omitempty"`
	CreatedAt  time.Time  `json:"created_at"`
	LastUsedAt *time.Time `json:"last_used_at,omitempty"`
	Revoked    bool       `json:"revoked"`
}

// ParseRole splits "partner:ChemHub" into role and platform; a role without
// a colon is returned with platform unchanged.
func ParseRole(role, platform string) (string, string) {
	if r, p, ok := strings.Cut(role, ":"); ok {
		return r, p
	}
	return role, platform
}

// ValidateRole checks a role and its platform: admin and regulator are
// global, partner and reviewer need a platform.
func ValidateRole(role, platform string) error {
	switch role {
	case precwatch.RoleAdmin, precwatch.RoleRegulator:
		if platform != "" {
			return precwatch.Errorf(precwatch.EINVALID, "role %s is not scoped to a platform (got platform %q)", role, platform)
		}
	case precwatch.RolePartner, precwatch.RoleReviewer:
		if strings.TrimSpace(platform) == "" {
			return precwatch.Errorf(precwatch.EINVALID, "role %s needs a platform", role)
		}
	default:
		return precwatch.Errorf(precwatch.EINVALID, "unknown role %q (want admin, partner, reviewer or regulator)", role)
	}
	return nil
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// CreateToken creates an API token for role (and platform, for partner and
// reviewer) and returns its plaintext, which is shown once: only its
// SHA-256 is stored.
func (s *Store) CreateToken(ctx context.Context, role, platform string) (string, error) {
	role, platform = ParseRole(role, platform)
	if err := ValidateRole(role, platform); err != nil {
		return "", err
	}
	var b [32]byte
	if _, err := rand.Read(b[:]); err != nil {
		return "", fmt.Errorf("create token: %w", err)
	}
	token := TokenPrefix + base64.RawURLEncoding.EncodeToString(b[:])
	err := s.write(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, "INSERT INTO tokens (hash, role, platform, created_at) VALUES (?, ?, ?, ?)",
			hashToken(token), role, platform, ns(s.now()))
		return err
	})
	if err != nil {
		return "", fmt.Errorf("create token: %w", err)
	}
	return token, nil
}

// Authenticate returns the principal of a token; an unknown, malformed or
// revoked token is an EUNAUTHORIZED error. It only reads: a caller records
// a use that succeeded with TokenUsed, so a refused request (403) leaves no
// trace in the data.
func (s *Store) Authenticate(ctx context.Context, token string) (*Principal, error) {
	if !strings.HasPrefix(token, TokenPrefix) || len(token) > 200 {
		return nil, precwatch.Errorf(precwatch.EUNAUTHORIZED, "invalid token")
	}
	var (
		p       Principal
		revoked bool
	)
	err := s.rq.QueryRowContext(ctx, "SELECT id, role, platform, revoked FROM tokens WHERE hash = ?", hashToken(token)).
		Scan(&p.TokenID, &p.Role, &p.Platform, &revoked)
	if errors.Is(err, sql.ErrNoRows) || (err == nil && revoked) {
		return nil, precwatch.Errorf(precwatch.EUNAUTHORIZED, "invalid token")
	}
	if err != nil {
		return nil, fmt.Errorf("authenticate: %w", err)
	}
	return &p, nil
}

// TokenUsed records that token id was used now, at most once a minute.
func (s *Store) TokenUsed(ctx context.Context, id int64) error {
	now := s.now()
	s.usedMu.Lock()
	last, ok := s.used[id]
	if ok && now.Sub(last) < time.Minute && !now.Before(last) {
		s.usedMu.Unlock()
		return nil
	}
	if s.used == nil {
		s.used = map[int64]time.Time{}
	}
	s.used[id] = now
	s.usedMu.Unlock()
	err := s.write(ctx, func(tx *wtx) error {
		_, err := tx.ExecContext(ctx, "UPDATE tokens SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at < ?)",
			ns(now), id, ns(now.Add(-time.Minute)))
		return err
	})
	if err != nil {
		return fmt.Errorf("record use of token %d: %w", id, err)
	}
	return nil
}

// RevokeToken revokes token id; an unknown id is ENOTFOUND.
func (s *Store) RevokeToken(ctx context.Context, id int64) error {
	err := s.write(ctx, func(tx *wtx) error {
		res, err := tx.ExecContext(ctx, "UPDATE tokens SET revoked = 1 WHERE id = ?", id)
		if err != nil {
			return err
		}
		return mustExist(ctx, tx, res, "SELECT COUNT(*) FROM tokens WHERE id = ?", id, "token %d not found")
	})
	if err != nil {
		return fmt.Errorf("revoke token %d: %w", id, err)
	}
	return nil
}

// Tokens lists the stored tokens, oldest first.
func (s *Store) Tokens(ctx context.Context) ([]Token, error) {
	rows, err := s.rq.QueryContext(ctx, "SELECT id, role, platform, created_at, last_used_at, revoked FROM tokens ORDER BY id")
	if err != nil {
		return nil, fmt.Errorf("tokens: %w", err)
	}
	defer rows.Close()
	var out []Token
	for rows.Next() {
		var t Token
		var created int64
		var used sql.NullInt64
		if err := rows.Scan(&t.ID, &t.Role, &t.Platform, &created, &used, &t.Revoked); err != nil {
			return nil, fmt.Errorf("tokens: %w", err)
		}
		t.CreatedAt, t.LastUsedAt = fromNS(created), fromNullNS(used)
		out = append(out, t)
	}
	return out, rows.Err()
}
