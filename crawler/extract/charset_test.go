package extract

import (
	"bytes"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// TestGuessCharsetLarge: an undeclared legacy text larger than the sample
// its charset is guessed from decodes whole in that charset, whatever
// multi-byte character the sample's end falls in.
func TestGuessCharsetLarge(t *testing.T) {
	tests := []struct {
		name string
		e    encoding.Encoding
		text string
	}{
		{"windows-1251", charmap.Windows1251, "Красный фосфор 500 г, анонимная упаковка.\n"},
		{"koi8-r", charmap.KOI8R, "Продаю эфедрин, 100 грамм, пишите в телеграм. "},
		{"gb18030", simplifiedchinese.GB18030, "出售伪麻黄碱，一公斤，微信联系。出售伪麻黄碱。\n"},
		{"shift_jis", japanese.ShiftJIS, "プソイドエフェドリン 1kg を販売します。ご連絡ください。"},
	}
	for _, tt := range tests {
		unit, err := tt.e.NewEncoder().Bytes([]byte(tt.text))
		if err != nil {
			t.Fatalf("%s: encode: %v", tt.name, err)
		}
		data := bytes.Repeat(unit, maxGuessSample/len(unit)+3)
		want := strings.Repeat(tt.text, maxGuessSample/len(unit)+3)
		if got, name := GuessCharset(data); string(got) != want || name != tt.name {
			t.Errorf("%s, %d bytes: decoded %d bytes as %s, want %d; starts %q", tt.name, len(data), len(got), name, len(want), got[:min(len(got), 80)])
		}
	}
}

// TestGuessCharsetShortTexts: short undeclared texts, where one letter
// decides: Latin-1 text with umlauts or "ção" is not read as GB18030, and
// Cyrillic and CJK are not read as Latin-1.
func TestGuessCharsetShortTexts(t *testing.T) {
	for _, s := range []string{"Crème hydratante visage 50 ml, livraison gratuite dès 49 €", "Café", "Zapatillas de deporte para niño, envío gratis a toda España", "Größe M", "Informação técnica", "Acetona 99,5% técnica — envío en 24 h", "Kaliumpermanganat für Aquarien", "Préparation à base d'éphédrine"} {
		b, _ := charmap.Windows1252.NewEncoder().Bytes([]byte(s))
		got, name := GuessCharset(b)
		if string(got) != s {
			t.Errorf("%q -> %q (%s)", s, got, name)
		}
	}
	for _, s := range []string{"Эфедрин", "Красный фосфор 500 г", "Калий марганцовокислый, 1 кг"} {
		b, _ := charmap.Windows1251.NewEncoder().Bytes([]byte(s))
		if got, name := GuessCharset(b); string(got) != s {
			t.Errorf("%q -> %q (%s)", s, got, name)
		}
		b, _ = charmap.KOI8R.NewEncoder().Bytes([]byte(s))
		if got, name := GuessCharset(b); string(got) != s {
			t.Errorf("koi %q -> %q (%s)", s, got, name)
		}
	}
	for _, s := range []string{"纯棉T恤 男款 夏季", "麻黄碱 现货", "iPhone手机壳", "USB充电器 5V"} {
		b, _ := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
		if got, name := GuessCharset(b); string(got) != s {
			t.Errorf("%q -> %q (%s)", s, got, name)
		}
	}
	for _, s := range []string{"エフェドリン 販売", "iPhoneケース"} {
		b, _ := japanese.ShiftJIS.NewEncoder().Bytes([]byte(s))
		if got, name := GuessCharset(b); string(got) != s {
			t.Errorf("%q -> %q (%s)", s, got, name)
		}
	}
}
