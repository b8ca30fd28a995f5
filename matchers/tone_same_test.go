package matchers

import (
	"math/rand"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestToneHitsSame: appendToneHits, which looks only at the spaces of a
// field, finds what the first version, which tried every byte, found: on
// every labelled listing's fields and on 20,000 random mixtures of
// tone-marked syllables, sizes, CAS-like numbers and words.
func TestToneHitsSame(t *testing.T) {
	m := mustMatcher(t)
	var texts []string
	sets, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	for _, path := range sets {
		for _, l := range readLabelledSet(t, path) {
			texts = append(texts, l.Title, l.Description)
		}
	}
	parts := []string{"ma4", "wong4", "gaan2", "gao1", "meng3", "suan1", "jia3", "ma2", "huang2", "su4", "wei3", "jian3",
		"A4", "a5", "x1", "100", "kg", "1-2", "ephedrine", " ", "  ", ",", "7", "zhuang1", "chaang4", "é", "12", "si6", "jat6", "mou5", "wong4,", "gaan2."}
	r := rand.New(rand.NewSource(57))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(12); k >= 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
			if r.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	var js1, js2 joinScratch
	for _, s := range texts {
		norm := Normalize(s).Norm
		got := m.appendToneHits(nil, norm, 0, &js1)
		want := m.appendToneHitsByByte(nil, norm, 0, &js2)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%q: hits %v, the every-byte version %v", s, got, want)
		}
	}
}

// appendToneHitsByByte is appendToneHits as fix57 wrote it (every byte tried); it
// appends to out the substance terms of field fi found in
// runs of two or more tone-marked syllables once their digits are removed.
func (m *Matcher) appendToneHitsByByte(out []fhit, norm []byte, fi int32, js *joinScratch) []fhit {
	base := len(out)
	for i := 0; i < len(norm); i++ {
		start, ok := toneEnd(norm, i)
		if !ok {
			continue
		}
		// A run: syllables with their digits, one space apart.
		js.text, js.pos, js.cut = js.text[:0], js.pos[:0], js.cut[:0]
		end, n := i, 0
		for {
			for p := start; p < end; p++ {
				js.text = append(js.text, norm[p])
				js.pos = append(js.pos, int32(p))
			}
			js.cut = append(js.cut, int32(end))
			n++
			next := end + 2 // past the digit and one space
			if end+1 >= len(norm) || norm[end+1] != ' ' {
				break
			}
			k := next
			for k < len(norm) && k-next <= maxToneSyllable && norm[k] >= 'a' && norm[k] <= 'z' {
				k++
			}
			if k >= len(norm) {
				break
			}
			s, ok := toneEnd(norm, k)
			if !ok || s != next {
				break
			}
			js.text = append(js.text, ' ')
			js.pos = append(js.pos, int32(end+1))
			start, end = s, k
		}
		if n >= 2 {
			js.pos = append(js.pos, int32(end))
			out = m.appendCutHits(out, base, fi, js)
		}
		i = end
	}
	return out
}

// TestToneGate: Match rescans a field for tone digits only when Text.tone
// is set (the normaliser wrote a digit 1 to 6 right after a letter, or a
// field that may hold non-ASCII bytes may hold one: toneHigh); on every
// labelled text, the documents' texts and 20,000 random mixtures
// (entities, fullwidth digits, tags, spaced letters), a field that has a
// tone-digit hit always passes that gate. TestToneHighFlag checks toneHigh
// more closely.
func TestToneGate(t *testing.T) {
	m := mustMatcher(t)
	var texts []string
	sets, _ := filepath.Glob(filepath.Join("..", "testdata", "*", "listings.jsonl"))
	for _, path := range sets {
		for _, l := range readLabelledSet(t, path) {
			texts = append(texts, l.Title, l.Description)
		}
	}
	parts := []string{"ma4", "wong4", "gaan2", "gao1", "meng3", "suan1", "jia3", "ma&#52;", "wong&#x34;", "gaan２", "ｍａ4",
		"m a 4", "ma<b>4</b>", "MA4", "Ma4", "huang2", "su4", "ma", "wong", "4", " ", ",", "é", "1-2", "A4"}
	r := rand.New(rand.NewSource(15))
	for n := 0; n < 20000; n++ {
		var b strings.Builder
		for k := r.Intn(10); k >= 0; k-- {
			b.WriteString(parts[r.Intn(len(parts))])
			if r.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	var js joinScratch
	tx := &Text{}
	for _, s := range texts {
		tx.Reset(s)
		if hits := m.appendToneHits(nil, tx.Norm, 0, &js); len(hits) > 0 && !tx.tone {
			t.Fatalf("%q: %d tone-digit hits but no tone", s, len(hits))
		}
	}
}
