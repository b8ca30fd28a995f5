package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/precwatch/precwatch"
)

// ResolveRelativeDates replaces each attribute of l that is wholly a
// relative date ("vor 3 Tagen", "2 days ago", "昨天", "Heute, 14:03"; see
// RelativeDate) by the date it names, resolved against now (the fetch
// time) as RFC 3339 in UTC, and keeps the phrase as written under the
// attribute's name plus precwatch.AsWrittenSuffix. Such a listing then
// hashes the same on the next day's crawl, when the site says "vor 4
// Tagen". Days and times of day are read in now's location (the target's
// time zone). Other attributes and fields are left as they are.
func ResolveRelativeDates(l *precwatch.Listing, now time.Time) {
	for k, v := range l.Attributes {
		if strings.HasSuffix(k, precwatch.AsWrittenSuffix) {
			continue
		}
		if d, ok := RelativeDate(v, now); ok {
			l.Attributes[k] = d
			l.Attributes[k+precwatch.AsWrittenSuffix] = v
		}
	}
}

// RelativeDate reads s, when it is wholly a relative date in English,
// German, French, Spanish, Russian, Chinese, Dutch, Polish or Turkish
// ("2 days ago", "vor 3 Stunden", "il y a 2 jours", "hace 5 minutos", "3
// дня назад", "3天前", "2 dagen geleden", "2 dni temu", "2 gün önce"; a day
// word with or without a time of day: "yesterday", "gestern, 18:20",
// "aujourd'hui à 10h15", "昨天 14:03"; "just now"), possibly after a label
// ("Posted 2 days ago"), and returns the time it names relative to now, in
// RFC 3339 and UTC, cut to the precision the phrase has: a day or more
// names the day (00:00), hours the hour, minutes the minute. Days and
// times of day are those of now's location: the site's zone when its
// target names one (Target.TimeZone; "Heute, 14:03" on a German board is
// 13:03Z in winter), else UTC.
func RelativeDate(s string, now time.Time) (string, bool) {
	s = strings.ToLower(strings.Join(strings.Fields(s), " "))
	s = strings.TrimSuffix(strings.TrimSpace(s), ".")
	if s == "" || len(s) > 64 {
		return "", false
	}
	if !dateCandidate(s) {
		return "", false
	}
	s = dateLabel.ReplaceAllString(s, "")
	if justNow[s] {
		return now.Truncate(time.Minute).UTC().Format(time.RFC3339), true
	}
	if m := dayWord.FindStringSubmatch(s); m != nil && hasDayWord(m[1]) {
		back := dayWords[m[1]]
		d := midnight(now).AddDate(0, 0, -back)
		if m[2] != "" {
			h, _ := strconv.Atoi(m[2])
			mi, _ := strconv.Atoi(m[3])
			switch {
			case m[4] == "pm" && h < 12:
				h += 12
			case m[4] == "am" && h == 12:
				h = 0
			}
			if h > 23 || mi > 59 {
				return "", false
			}
			d = time.Date(d.Year(), d.Month(), d.Day(), h, mi, 0, 0, d.Location())
		}
		return d.UTC().Format(time.RFC3339), true
	}
	var rest string
	if m := agoPrefix.FindStringSubmatch(s); m != nil {
		rest = m[1]
	} else if m := agoSuffix.FindStringSubmatch(s); m != nil {
		rest = m[1]
	} else {
		return "", false
	}
	n, unit, ok := amountUnit(strings.TrimSpace(rest))
	if !ok {
		return "", false
	}
	var t time.Time
	switch unit {
	case 's':
		t = now.Add(-time.Duration(n) * time.Second).Truncate(time.Second)
	case 'm':
		t = now.Add(-time.Duration(n) * time.Minute).Truncate(time.Minute)
	case 'h':
		t = now.Add(-time.Duration(n) * time.Hour).Truncate(time.Hour)
	case 'd':
		t = midnight(now).AddDate(0, 0, -n)
	case 'w':
		t = midnight(now).AddDate(0, 0, -7*n)
	case 'M':
		t = midnight(now).AddDate(0, -n, 0)
	case 'y':
		t = midnight(now).AddDate(-n, 0, 0)
	}
	return t.UTC().Format(time.RFC3339), true
}

// agoMarkers mark a relative date in each language: RelativeDate reads
// no value without one of them, a day word or a "just now".
var agoMarkers = []string{"ago", "vor ", "il y a", "hace", "назад", "geleden", "temu", "önce", "前", "há ", " fa", "тому"}

// dateCandidate reports whether s (lowercased) may be a relative date: it
// holds a marker, a day word or a "just now", so that the regular
// expressions run only on such values, not on every attribute.
func dateCandidate(s string) bool {
	for _, m := range agoMarkers {
		if strings.Contains(s, m) {
			return true
		}
	}
	for w := range dayWords {
		if strings.Contains(s, w) {
			return true
		}
	}
	for w := range justNow {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

func hasDayWord(w string) bool { _, ok := dayWords[w]; return ok }

func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

var (
	// dateLabel is a label before a date: "Posted 2 days ago",
	// "Eingestellt: vor 3 Tagen".
	dateLabel = regexp.MustCompile(`^(?:posted|listed|added|updated|published|eingestellt|veröffentlicht|aktualisiert|publié|publiée|mis à jour|publicado|actualizado|опубликовано|размещено|обновлено|发布于|发布|更新于|geplaatst|bijgewerkt|dodano|opublikowano|zaktualizowano|yayınlandı|eklendi|güncellendi|publicado em|atualizado|pubblicato|inserito|aggiornato|опубліковано|оновлено)\s*:?\s*`)
	// dayWord is a day named relative to today, with an optional time
	// of day: "gestern, 18:20", "yesterday at 6:20 pm", "hier à 10h15",
	// "вчера в 12:30", "昨天 14:03".
	dayWord   = regexp.MustCompile(`^([^\s,]+|day before yesterday|avant-hier|evvelsi gün|aujourd'hui|l'altro ieri)(?:\s*,?\s*(?:um |at |à |às |a las |a la |alle |в |о |om |o |saat )?(\d{1,2})[:.h](\d{2})\s*(am|pm|uhr|h)?)?$`)
	agoPrefix = regexp.MustCompile(`^(?:vor|il y a|hace|há)\s+(.+)$`)
	agoSuffix = regexp.MustCompile(`^(.+?)\s*(?:ago|назад|geleden|temu|önce|前|fa|тому)$`)
)

// dayWords are the days named relative to today: how many days back.
var dayWords = map[string]int{
	"today": 0, "heute": 0, "aujourd'hui": 0, "hoy": 0, "сегодня": 0, "今天": 0, "今日": 0, "vandaag": 0, "dzisiaj": 0, "dziś": 0, "bugün": 0, "hoje": 0, "oggi": 0, "сьогодні": 0,
	"yesterday": 1, "gestern": 1, "hier": 1, "ayer": 1, "вчера": 1, "昨天": 1, "昨日": 1, "gisteren": 1, "wczoraj": 1, "dün": 1, "ontem": 1, "ieri": 1, "вчора": 1,
	"day before yesterday": 2, "vorgestern": 2, "avant-hier": 2, "anteayer": 2, "antier": 2, "позавчера": 2, "前天": 2, "eergisteren": 2, "przedwczoraj": 2, "evvelsi gün": 2, "anteontem": 2, "l'altro ieri": 2, "позавчора": 2, "一昨日": 2, "おととい": 2,
}

// justNow are the phrases for the moment of fetching.
var justNow = map[string]bool{
	"just now": true, "gerade eben": true, "soeben": true, "à l'instant": true, "a l'instant": true,
	"justo ahora": true, "ahora mismo": true, "hace un momento": true, "только что": true, "刚刚": true,
	"zojuist": true, "net": true, "przed chwilą": true, "az önce": true, "şimdi": true,
	"agora mesmo": true, "agora": true, "adesso": true, "proprio ora": true, "poco fa": true, "щойно": true, "тільки що": true, "たった今": true, "今": true,
}

// oneWords stand for the number one before a unit ("a day ago", "vor
// einem Tag", "il y a une heure", "hace un año", "een dag geleden", "bir
// gün önce").
var oneWords = map[string]bool{
	"a": true, "an": true, "one": true, "ein": true, "eine": true, "einem": true, "einer": true,
	"un": true, "une": true, "una": true, "uno": true, "один": true, "одну": true, "одна": true,
	"een": true, "jeden": true, "jedną": true, "jedna": true, "bir": true, "um": true, "uma": true,
}

// unitStems name a unit by a word's start (exact: the whole word): s
// second, m minute, h hour, d day, w week, M month, y year.
var unitStems = []struct {
	stem  string
	unit  byte
	exact bool
}{
	{"sec", 's', false}, {"sek", 's', false}, {"seg", 's', false}, {"секунд", 's', false}, {"сек", 's', false}, {"saniye", 's', false}, {"s", 's', true}, {"sn", 's', true}, {"秒", 's', false}, {"хвилин", 'm', false}, {"годин", 'h', false}, {"時間", 'h', false}, {"ore", 'h', true}, {"ora", 'h', true},
	{"min", 'm', false}, {"минут", 'm', false}, {"мин", 'm', false}, {"dakika", 'm', false}, {"dk", 'm', true}, {"m", 'm', true}, {"分", 'm', false},
	{"hour", 'h', false}, {"hr", 'h', false}, {"h", 'h', true}, {"stund", 'h', false}, {"std", 'h', false}, {"heure", 'h', false}, {"hora", 'h', false},
	{"час", 'h', false}, {"ч", 'h', true}, {"uur", 'h', false}, {"u", 'h', true}, {"godz", 'h', false}, {"saat", 'h', false}, {"sa", 'h', true}, {"小时", 'h', false}, {"钟头", 'h', false},
	{"day", 'd', false}, {"d", 'd', true}, {"tag", 'd', false}, {"jour", 'd', false}, {"j", 'd', true}, {"día", 'd', false}, {"dia", 'd', false},
	{"дн", 'd', false}, {"день", 'd', false}, {"сут", 'd', false}, {"dag", 'd', false}, {"dni", 'd', false}, {"dzie", 'd', false}, {"gün", 'd', false}, {"天", 'd', false}, {"日", 'd', false}, {"giorn", 'd', false}, {"дні", 'd', true}, {"днів", 'd', true},
	{"week", 'w', false}, {"wk", 'w', false}, {"w", 'w', true}, {"woche", 'w', false}, {"semaine", 'w', false}, {"semana", 'w', false},
	{"недел", 'w', false}, {"tydz", 'w', false}, {"tygod", 'w', false}, {"hafta", 'w', false}, {"周", 'w', false}, {"星期", 'w', false}, {"週", 'w', false}, {"settiman", 'w', false}, {"тижд", 'w', false}, {"тиж", 'w', false},
	{"month", 'M', false}, {"mo", 'M', true}, {"monat", 'M', false}, {"mois", 'M', false}, {"mes", 'M', false}, {"месяц", 'M', false}, {"мес", 'M', false},
	{"maand", 'M', false}, {"miesi", 'M', false}, {"ay", 'M', true}, {"月", 'M', false}, {"mês", 'M', false}, {"meses", 'M', true},
	{"місяц", 'M', false}, {"か月", 'M', false}, {"ヶ月", 'M', false}, {"カ月", 'M', false}, {"ケ月", 'M', false},
	{"year", 'y', false}, {"yr", 'y', false}, {"y", 'y', true}, {"jahr", 'y', false}, {"an", 'y', true}, {"ans", 'y', true}, {"année", 'y', false}, {"annee", 'y', false},
	{"año", 'y', false}, {"ano", 'y', true}, {"anos", 'y', true}, {"год", 'y', false}, {"лет", 'y', false}, {"jaar", 'y', false}, {"rok", 'y', false},
	{"lat", 'y', true}, {"lata", 'y', true}, {"yıl", 'y', false}, {"年", 'y', false}, {"ann", 'y', false}, {"рік", 'y', true}, {"роки", 'y', true}, {"років", 'y', true},
}

// zhDigits are the Chinese numerals of a count ("三天前", "两个月前").
var zhDigits = map[rune]int{'一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9, '十': 10}

// amountUnit reads "3 Tagen", "einem Monat", "час", "3天", "两个月" as a
// count and a unit (see unitStems); no count is one.
func amountUnit(s string) (int, byte, bool) {
	n := 1
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 {
		v, err := strconv.Atoi(s[:i])
		if err != nil || v > 10000 {
			return 0, 0, false
		}
		n, s = v, strings.TrimSpace(s[i:])
	} else if r, size := utf8.DecodeRuneInString(s); zhDigits[r] > 0 {
		n, s = zhDigits[r], s[size:]
	} else if word, rest, ok := strings.Cut(s, " "); ok && oneWords[word] {
		s = strings.TrimSpace(rest)
	}
	s = strings.TrimPrefix(strings.TrimSuffix(s, "."), "个")
	if s == "" || strings.ContainsAny(s, " 0123456789") {
		return 0, 0, false
	}
	best, unit := 0, byte(0)
	for _, u := range unitStems {
		if (u.exact && s == u.stem || !u.exact && strings.HasPrefix(s, u.stem)) && len(u.stem) > best {
			best, unit = len(u.stem), u.unit
		}
	}
	return n, unit, unit != 0
}
