package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGapKoreanTabletCount: a Korean pack count ("10정": ten tablets) makes
// a retail medicine of the pseudoephedrine it contains (heldout33 zb0154);
// 정 inside a word (정품 genuine, 정제 refined, 한정 limited) and after a
// weight is no count, and the chemical by the kilogram, or a pack with a
// messenger contact, stays suspicious.
func TestGapKoreanTabletCount(t *testing.T) {
	m := mustMatcher(t)
	for _, c := range []struct {
		title, desc string
		want        bool
	}{
		{"코싹정 (슈도에페드린) 10정", "코막힘 완화. 약국에서 구매하세요. 1인 1통 한정.", false},
		{"슈도에페드린 감기약 30 정", "약국 판매.", false},
		{"슈도에페드린 정품 1kg", "순도 99%, 1인 한정.", true},
		{"슈도에페드린 1kg 정제 분말", "순도 99%.", true},
		{"코싹정 (슈도에페드린) 10정", "텔레그램으로만 연락, 비밀 배송.", true},
	} {
		got := m.Match(&precwatch.Listing{Title: c.title, Description: c.desc, Price: "₩ 6,000"})
		if got.Suspicious != c.want {
			t.Errorf("title %q desc %q: suspicious %v (score %.2f), want %v; explain %q", c.title, c.desc, got.Suspicious, got.Score, c.want, got.Explain)
		}
	}
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"10정", true}, {"30 정 x 3", true}, {"1회 1정", true},
		{"정품 100%", false}, {"1kg 정량", false}, {"99% 정제", false}, {"한정 10개", false}, {"5 정보", false},
	} {
		if got := koreanTabletCount([]byte(c.s)); got != c.want {
			t.Errorf("koreanTabletCount(%q) = %v, want %v", c.s, got, c.want)
		}
	}
}

// TestGapArabicSeizureNews: Arabic customs-seizure news (heldout15 h0010)
// reports the quantity it names; an Arabic offer of the same chemical with
// a price stays one, and ضبط as "adjust / quality control" is no report.
func TestGapArabicSeizureNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"ar", "الجمارك تضبط شحنة من السودوإيفيدرين", "ضبطت الجمارك شحنة تحتوي على 300 كغ من السودوإيفيدرين في الميناء.", false},
		{"ar", "تم ضبط 200 كغ من الإيفيدرين في المطار", "أعلنت الشرطة القبض على شخصين.", false},
		{"ar", "السودوإيفيدرين 300 كغ للبيع", "السعر 50 دولار للكيلو، تواصل عبر واتساب.", true},
		{"ar", "السودوإيفيدرين 25 كغ للبيع", "ضبط الجودة: نقاوة 99%. السعر عند الطلب.", true},
	})
}
