package matchers

import "testing"

// TestGap38Names: names of surveillance reagents in languages the
// watchlist lacked (heldout38 zg0099 th methylamine, zg0116 el formamide,
// zg0048 th nitroethane), each with a look-alike that must stay out: the
// Thai di- and trimethylamines hold the Thai methylamine, Greek DMF holds
// the Greek formamide inside one word.
func TestGap38Names(t *testing.T) {
	runCAS(t, []casCase{
		{"เมทิลเอมีน 40% 1 ลิตร", "ติดต่อทาง Telegram เท่านั้น", []string{"74-89-5"}, nil},
		{"ไดเมทิลเอมีน 40% 1 ลิตร", "สำหรับอุตสาหกรรม", nil, []string{"74-89-5"}},
		{"Φορμαμίδιο 1 L", "Καθαρότητα 99%.", []string{"75-12-7"}, nil},
		{"Διμεθυλοφορμαμίδιο (DMF) 1 L", "Διαλύτης.", nil, []string{"75-12-7"}},
		{"ป.ป.ส. ยึดไนโตรอีเทน 1 ตัน", "เจ้าหน้าที่ตรวจพบไนโตรอีเทนในรถบรรทุก", []string{"79-24-3"}, nil},
	})
	runVerdicts(t, []verdictCase{
		{"th", "เมทิลเอมีน 40% 1 ลิตร", "ติดต่อทาง Telegram เท่านั้น ส่งแบบไม่ระบุชื่อ", true},
		{"el", "Φορμαμίδιο 1 L", "Αποστολή χωρίς χαρτιά, επικοινωνία μόνο μέσω Signal.", true},
		{"el", "Φορμαμίδιο 1 L", "Για εργαστηριακή χρήση.", false},
	})
}

// TestGap38Iodine: Finnish "jodi" and Hebrew יוד name iodine with the words
// of a chemical or a tincture nearby (heldout38 zg0052, zg0076); alone
// they are a given name, Hindi "pair", or the letter yod.
func TestGap38Iodine(t *testing.T) {
	runCAS(t, []casCase{
		{"Jodi kiteinen 50 g", "Laboratoriokäyttöön.", []string{"7553-56-2"}, nil},
		{"Jodiliuos 2 % 30 ml", "Haavojen desinfiointiin.", []string{"7553-56-2"}, nil},
		{"Jodi Foster -elokuvat DVD", "Kolme elokuvaa.", nil, []string{"7553-56-2"}},
		{"Perfect jodi matrimonial", "Find your jodi today.", nil, []string{"7553-56-2"}},
		{"תמיסת יוד 2% לחיטוי פצעים 30 מ\"ל", "לשימוש חיצוני בלבד.", []string{"7553-56-2"}, nil},
		{"יוד גבישי 100 גרם", "טוהר 99%.", []string{"7553-56-2"}, nil},
		{"תליון אות יוד מכסף", "תכשיט בעבודת יד.", nil, []string{"7553-56-2"}},
	})
}
