package extract

import (
	"maps"
	"testing"
	"time"

	"github.com/precwatch/precwatch"
)

// TestRelativeDate resolves relative dates in the nine main languages
// against the fetch time, to the precision the phrase has.
func TestRelativeDate(t *testing.T) {
	now := time.Date(2026, 11, 29, 14, 37, 12, 0, time.UTC)
	tests := []struct{ in, want string }{
		{"2 days ago", "2026-11-27T00:00:00Z"},
		{"a day ago", "2026-11-28T00:00:00Z"},
		{"an hour ago", "2026-11-29T13:00:00Z"},
		{"5 mins ago", "2026-11-29T14:32:00Z"},
		{"3 weeks ago", "2026-11-08T00:00:00Z"},
		{"1 year ago", "2025-11-29T00:00:00Z"},
		{"Posted 2 months ago", "2026-09-29T00:00:00Z"},
		{"yesterday", "2026-11-28T00:00:00Z"},
		{"Yesterday at 18:20", "2026-11-28T18:20:00Z"},
		{"just now", "2026-11-29T14:37:00Z"},
		{"vor 3 Stunden", "2026-11-29T11:00:00Z"},
		{"vor 3 Tagen", "2026-11-26T00:00:00Z"},
		{"vor einem Monat", "2026-10-29T00:00:00Z"},
		{"gestern", "2026-11-28T00:00:00Z"},
		{"Heute, 14:03", "2026-11-29T14:03:00Z"},
		{"Gestern, 09:12", "2026-11-28T09:12:00Z"},
		{"vorgestern", "2026-11-27T00:00:00Z"},
		{"il y a 2 jours", "2026-11-27T00:00:00Z"},
		{"il y a une heure", "2026-11-29T13:00:00Z"},
		{"hier", "2026-11-28T00:00:00Z"},
		{"aujourd'hui à 10h15", "2026-11-29T10:15:00Z"},
		{"hace 5 minutos", "2026-11-29T14:32:00Z"},
		{"hace 2 días", "2026-11-27T00:00:00Z"},
		{"hace un año", "2025-11-29T00:00:00Z"},
		{"ayer", "2026-11-28T00:00:00Z"},
		{"3 дня назад", "2026-11-26T00:00:00Z"},
		{"5 минут назад", "2026-11-29T14:32:00Z"},
		{"час назад", "2026-11-29T13:00:00Z"},
		{"неделю назад", "2026-11-22T00:00:00Z"},
		{"вчера в 12:30", "2026-11-28T12:30:00Z"},
		{"昨天", "2026-11-28T00:00:00Z"},
		{"3天前", "2026-11-26T00:00:00Z"},
		{"2 小时前", "2026-11-29T12:00:00Z"},
		{"5分钟前", "2026-11-29T14:32:00Z"},
		{"前天 08:00", "2026-11-27T08:00:00Z"},
		{"2 dagen geleden", "2026-11-27T00:00:00Z"},
		{"3 uur geleden", "2026-11-29T11:00:00Z"},
		{"gisteren", "2026-11-28T00:00:00Z"},
		{"2 dni temu", "2026-11-27T00:00:00Z"},
		{"godzinę temu", "2026-11-29T13:00:00Z"},
		{"wczoraj", "2026-11-28T00:00:00Z"},
		{"2 gün önce", "2026-11-27T00:00:00Z"},
		{"3 saat önce", "2026-11-29T11:00:00Z"},
		{"dün", "2026-11-28T00:00:00Z"},
		{"bugün 09:05", "2026-11-29T09:05:00Z"},
	}
	for _, tt := range tests {
		got, ok := RelativeDate(tt.in, now)
		if !ok || got != tt.want {
			t.Errorf("RelativeDate(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
	for _, in := range []string{"2 days", "ships in 3 days", "Acetone 99%", "vor Ort", "il y a", "3 days ago and more", "hace frío", "2026-11-27", "100 Stück", "today's deal: 3 hours ago only"} {
		if got, ok := RelativeDate(in, now); ok {
			t.Errorf("RelativeDate(%q) = %q; want no date", in, got)
		}
	}
}

// TestResolveRelativeDates: an attribute that is wholly a relative date
// becomes RFC 3339, its text kept beside it, and the content hash does
// not change as the site's phrase ages ("vor 2 Tagen" → "vor 3 Tagen").
func TestResolveRelativeDates(t *testing.T) {
	day1 := time.Date(2026, 11, 29, 10, 0, 0, 0, time.UTC)
	l := precwatch.Listing{ID: "1", Title: "Aceton", Attributes: map[string]string{"posted": "vor 2 Tagen", "cas": "67-64-1"}}
	ResolveRelativeDates(&l, day1)
	if got, want := l.Attributes["posted"], "2026-11-27T00:00:00Z"; got != want {
		t.Fatalf("posted = %q, want %q", got, want)
	}
	if got, want := l.Attributes["posted"+precwatch.AsWrittenSuffix], "vor 2 Tagen"; got != want {
		t.Fatalf("posted as written = %q, want %q", got, want)
	}
	if l.Attributes["cas"] != "67-64-1" || len(l.Attributes) != 3 {
		t.Fatalf("attributes = %v", l.Attributes)
	}
	m := precwatch.Listing{ID: "1", Title: "Aceton", Attributes: map[string]string{"posted": "vor 3 Tagen", "cas": "67-64-1"}}
	ResolveRelativeDates(&m, day1.Add(24*time.Hour))
	if precwatch.ContentHash(l) != precwatch.ContentHash(m) {
		t.Fatalf("content hash changed as the phrase aged: %v vs %v", l.Attributes, m.Attributes)
	}
}

// BenchmarkResolveRelativeDates is the cost per listing of reading its
// attributes for relative dates: four that are not dates and one that is.
func BenchmarkResolveRelativeDates(b *testing.B) {
	now := time.Date(2026, 11, 29, 14, 37, 12, 0, time.UTC)
	attrs := map[string]string{"cas": "67-64-1", "tags": "solvent, lab", "sku": "AC-5L", "condition": "new", "posted": "vor 3 Tagen"}
	for b.Loop() {
		l := precwatch.Listing{Attributes: maps.Clone(attrs)}
		ResolveRelativeDates(&l, now)
	}
}
