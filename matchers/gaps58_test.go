package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// TestGap58 covers the two listings of held-out set 58 (the session's last
// balanced sample) the matcher got wrong as found: German compound dosage
// forms ("Erkältungskapseln", "Filmtabletten") make a pharmacy's
// pseudoephedrine a retail medicine (yz0040), and the inverted catalogue
// name "Anthranilic acid, N-acetyl-" names N-acetylanthranilic acid only
// (yz0046). A chemical sold by the kilogram stays a chemical.
func TestGap58(t *testing.T) {
	m := mustMatcher(t)
	res := m.Match(&precwatch.Listing{Title: "Wick DayMed Erkältungskapseln mit Pseudoephedrin, 20 St.",
		Description: "Apothekenpflichtig. Abgabe max. 1 Packung.", Price: "8,95 €"})
	if res.Suspicious {
		t.Errorf("retail Erkältungskapseln: suspicious, want not (explain %v)", res.Explain)
	}
	res = m.Match(&precwatch.Listing{Title: "Pseudoephedrin HCl Pulver 1 kg", Description: "Reinheit 99%."})
	if !res.Suspicious {
		t.Errorf("pseudoephedrine powder 1 kg: not suspicious, want suspicious (explain %v)", res.Explain)
	}
	for _, title := range []string{"Anthranilic acid N-acetyl, 5 kg", "Anthranilic acid, N-acetyl-, 98%"} {
		res = m.Match(&precwatch.Listing{Title: title})
		var ids []string
		for _, s := range res.Substances {
			ids = append(ids, s.ID)
		}
		if len(ids) != 1 || ids[0] != "n-acetylanthranilic-acid" {
			t.Errorf("%q: substances %v, want [n-acetylanthranilic-acid]", title, ids)
		}
	}
}

// TestGap15CrystalForms: "Kristall", "kryształ", "cristaux", "結晶" and the
// other crystal, powder and purity words make a Table I name the chemical,
// so one report word ("Nicht für ein Drogenlabor!") beside a risk
// indicator no longer reads the offer as news (fix56's open case).
func TestGap15CrystalForms(t *testing.T) {
	m := mustMatcher(t)
	for _, l := range []precwatch.Listing{
		{Title: "Pseudoephedrin HCl Kristall 100 g", Description: "Versand diskret. Nicht für ein Drogenlabor!"},
		{Title: "Efedryna HCl kryształy 100 g", Description: "Wysyłka dyskretna. Nie do laboratorium narkotyków!"},
	} {
		if res := m.Match(&l); !res.Suspicious {
			t.Errorf("%q: not suspicious, want suspicious (explain %v)", l.Title, res.Explain)
		}
	}
}

// TestGap15GreetingName: "Hi John," greets a person (fixdocs9's open case:
// a newsletter greeting read as HI, hydriodic acid, beside another
// chemical); the formula written in capitals with its own context stays.
func TestGap15GreetingName(t *testing.T) {
	m := mustMatcher(t)
	cases := []struct {
		text string
		want bool
	}{
		{"Hi John, thanks for your order of acetone 20L, purity 99.5%.", false},
		{"Hi Maria, your acetone 5 L (99.5%) ships today.", false},
		{"HI 57% 1L, hydriodic acid", true},
		{"Red phosphorus 100 g and HI 1 L", true},
	}
	for _, tc := range cases {
		res := m.Match(&precwatch.Listing{Title: "x", Description: tc.text})
		got := false
		for _, s := range res.Substances {
			if s.ID == "hydriodic-acid" && !s.Negated {
				got = true
			}
		}
		if got != tc.want {
			t.Errorf("%q: hydriodic acid %v, want %v", tc.text, got, tc.want)
		}
	}
}
