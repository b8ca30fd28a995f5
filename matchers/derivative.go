package matchers

import (
	"bytes"
	"unicode/utf8"
)

// Round fix79 (heldout79, near-miss chemistry): a watched name written
// inside the name of a derivative — an ester, a peroxide, a ketal, a
// hydrochloride of another base — is that other substance, by the
// longest-name rule, in the wordings the main languages use for it.

// derivativeAround reports whether the name at norm[s:e] is part of a
// derivative's name: "<alkyl> ester of the acid" ("изоамиловый эфир
// фенилуксусной кислоты", "éster isoamílico del ácido fenilacético",
// "ester izoamylowy kwasu fenylooctowego"), the acid followed by its
// alcohol part and "ester" ("phenylacetic acid benzyl ester", "fenilasetik
// asit izoamil esteri"), a peroxide ("перекись метилэтилкетона",
// "peróxido de metiletilcetona", "metil etil keton peroksit", 过氧化甲乙酮),
// a Chinese ester or ketal glued after the name (苯乙酸苄酯,
// 4-哌啶酮乙二醇缩酮), an acid's name glued to a katakana alcohol
// (フェニル酢酸イソアミル; not a metal: フェニル酢酸ナトリウム is the acid's
// salt), and hydrochloric acid's name glued before another name (盐酸氨基葡萄糖 glucosamine hydrochloride; see hclSaltPrefix).
func derivativeAround(norm []byte, s, e int) bool {
	if s < 0 || e > len(norm) || s >= e {
		return false
	}
	if norm[s] >= 0xe0 && isCJKStart(norm[s:]) || e < len(norm) && norm[e] >= 0xe0 && isCJKStart(norm[e:]) {
		if cjkDerivative(norm, s, e) {
			return true
		}
	}
	return wordDerivativeBefore(norm, s, e) || wordDerivativeAfter(norm, e) || seriesAfter(norm, e)
}

// seriesAfter reports whether "series" follows the name: a heading of a
// product family ("Price list — BMK series" above BMK glycidates and EAPA,
// heldout79 ye0053; "new PMK series exhaust"), not the substance offered.
func seriesAfter(norm []byte, e int) bool {
	return e+7 <= len(norm) && (norm[e] == ' ' || norm[e] == '-') && string(norm[e+1:e+7]) == "series" && !wordAt(norm, e+7)
}

// esterWord reports whether w names an ester ("ester", "esters", "esteri",
// "estere", "isoamylester", "эфир", "эфира", "ефір", "естер"), not
// polyester.
func esterWord(w []byte) bool {
	switch {
	case bytes.HasPrefix(w, []byte("ester")), bytes.HasPrefix(w, []byte("эфир")),
		bytes.HasPrefix(w, []byte("ефір")), bytes.HasPrefix(w, []byte("естер")):
		return true
	case bytes.HasSuffix(w, []byte("ester")) || bytes.HasSuffix(w, []byte("esters")):
		return !bytes.HasPrefix(w, []byte("poly"))
	}
	return false
}

// ketalWord reports whether w is a ketal or acetal word ("ketal",
// "ethylenketal", "cetal", "acetal", "кеталь", "этиленкеталь", "ацеталь").
func ketalWord(w []byte) bool {
	// Every ending's last byte is 'l', ь's or я's second byte.
	if len(w) < 5 || w[len(w)-1] != 'l' && w[len(w)-1] != 0x8c && w[len(w)-1] != 0x8f {
		return false
	}
	for _, k := range ketalEnds {
		if bytes.HasSuffix(w, k) {
			return true
		}
	}
	return false
}

var ketalEnds = [][]byte{[]byte("ketal"), []byte("cetal"), []byte("кеталь"), []byte("кеталя"), []byte("ацеталь"), []byte("ацеталя")}

// peroxideWord reports whether w is a peroxide word written before the
// parent's name ("перекись", "пероксид", "peroxyde", "peróxido",
// "perossido", "nadtlenek").
func peroxideWord(w []byte) bool {
	for _, p := range peroxidePrefixes {
		if bytes.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

var peroxidePrefixes = [][]byte{[]byte("перекис"), []byte("пероксид"), []byte("peroxyd"), []byte("peroxid"),
	[]byte("perossid"), []byte("nadtlenek"), []byte("nadtlenku"), []byte("peroksit"), []byte("peroksid")}

// derivativeAfterWords are the words after a name, within two words, that
// make it a derivative's name ("phenylacetic acid benzyl ester", "MEK
// peroxide"); a ketal word (ketalWord: "4-piperidone ethylene ketal",
// "4-пиперидона этиленкеталь") there too.
var derivativeAfterWords = [][]byte{[]byte("ester"), []byte("esters"), []byte("esteri"),
	[]byte("peroxide"), []byte("peroxid"), []byte("peroksit"), []byte("peroksida"), []byte("peroxyde"),
	[]byte("пероксид"), []byte("перекись"), []byte("에스테르"), []byte("에스터"), []byte("퍼옥사이드"), []byte("과산화물"), []byte("케탈")}

// conjunction reports whether w ends the words between a derivative word
// and a name: "ester and phenylacetic acid" names two things. A switch,
// not a map: no hashing per word.
func conjunction(w []byte) bool {
	switch string(w) {
	case "and", "or", "und", "oder", "et", "ou", "y", "o", "e", "ed", "i", "a", "oraz", "lub", "ve", "veya", "en",
		"и", "или", "та", "і", "й", "або", "чи", "с", "з", "with", "mit", "avec", "con", "com", "z", "w", "в", "у", "vs":
		return true
	}
	return false
}

// prevWord returns the word ending at norm[i] (norm[i] a space or the
// name's start) and its start: ASCII letters, apostrophes and any
// non-ASCII bytes (a byte scan; a word of other-script punctuation matches
// no derivative word).
func prevWord(norm []byte, i int) ([]byte, int) {
	j := i
	for j > 0 && i-j < 64 {
		if c := norm[j-1]; c < 0x80 && c != '\'' && !isASCIIAlpha(c) {
			break
		}
		j--
	}
	return norm[j:i], j
}

// nextWordEnd returns the end of the word starting at norm[i], as
// prevWord reads words.
func nextWordEnd(norm []byte, i int) int {
	j := i
	for j < len(norm) && j-i < 64 {
		if c := norm[j]; c < 0x80 && !isASCIIAlpha(c) {
			break
		}
		j++
	}
	return j
}

// wordDerivativeBefore: an ester word up to two words before the name
// ("isoamyl ester of", "эфир", "éster isoamílico del", "ester benzylique
// de l'") or a peroxide word right before it, or with one preposition
// ("peróxido de"). For a Cyrillic name the acid must be in the genitive
// ("эфир фенилуксусной кислоты"): "эфир" alone is also ether.
func wordDerivativeBefore(norm []byte, s, e int) bool {
	i := s
	gaps := 0
	// "de l'acide": the article glued by its apostrophe.
	if i > 0 && norm[i-1] == '\'' {
		w, j := prevWord(norm, i)
		if len(w) == 0 || len(w) > 6 {
			return false
		}
		i, gaps = j, 1
	}
	for k := 0; k < 3; k++ {
		if i < 2 || norm[i-1] != ' ' {
			return false
		}
		w, j := prevWord(norm, i-1)
		if len(w) == 0 || j < i-1-64 {
			return false
		}
		if len(w) <= 6 {
			// Short: a conjunction ends the words, or a gap word (no
			// derivative word is shorter than five bytes).
			if conjunction(w) {
				return false
			}
			if len(w) < 5 {
				gaps++
				i = j
				continue
			}
		}
		if esterWord(w) {
			return norm[s] < 0x80 || cyrGenitiveAcid(norm[s:e])
		}
		if ketalWord(w) {
			// "этиленкеталь 4-пиперидона": the genitive right after;
			// "etilencetal de 4-piperidona": with a preposition.
			return gaps == 0 && w[0] >= 0x80 || gaps == 1 && preposition(norm[i:s])
		}
		if peroxideWord(w) {
			// "перекись метилэтилкетона", "nadtlenek metyloetyloketonu":
			// the genitive right after; "peróxido de", "peroxyde de": with
			// a preposition ("hydrogen peroxide acetone" is two things).
			return gaps == 0 && (w[0] >= 0x80 || bytes.HasPrefix(w, []byte("nadtlen"))) || gaps == 1 && preposition(norm[i:s])
		}
		gaps++
		i = j
	}
	return false
}

// preposition reports whether b is one preposition (and the name's glued
// article) between a peroxide word and the name: "de", "di", "do", "of".
func preposition(b []byte) bool {
	w := bytes.TrimSpace(b)
	if k := bytes.IndexByte(w, ' '); k >= 0 {
		w = w[:k]
	}
	switch string(w) {
	case "de", "di", "do", "of", "del", "della", "dell'", "der", "des", "du", "d'":
		return true
	}
	return false
}

// cyrGenitiveAcid reports whether a Cyrillic name ends in the genitive of
// "acid" (кислоты, кислоти, к-ты).
func cyrGenitiveAcid(name []byte) bool {
	return bytes.HasSuffix(name, []byte("кислоты")) || bytes.HasSuffix(name, []byte("кислоти")) || bytes.HasSuffix(name, []byte("к-ты"))
}

// wordDerivativeAfter: within the next two words, an ester, peroxide or
// ketal word ("acid benzyl ester", "asit izoamil esteri", "keton
// peroksit", "ethylene ketal"), or the name glued to one
// ("phenylessigsäureisoamylester").
func wordDerivativeAfter(norm []byte, e int) bool {
	if e >= len(norm) {
		return false
	}
	if c := norm[e]; c != ' ' && c != '-' {
		// Glued to an ASCII or Cyrillic word ending: a CJK name glued to
		// the next characters is cjkDerivative's.
		if !isASCIIAlpha(c) && c != 0xd0 && c != 0xd1 {
			return false
		}
		j := nextWordEnd(norm, e)
		if bytes.HasSuffix(norm[e:j], []byte("ester")) || bytes.HasSuffix(norm[e:j], []byte("peroxid")) || bytes.HasSuffix(norm[e:j], []byte("peroxide")) || ketalWord(norm[e:j]) {
			return true
		}
		// A case ending the name's pattern left out ("4-пиперидона
		// этиленкеталь"): the words after it as after the name.
		if j-e > 4 || j >= len(norm) || norm[j] != ' ' {
			return false
		}
		e = j
	}
	i := e + 1
	for k := 0; k < 2 && i < len(norm); k++ {
		j := nextWordEnd(norm, i)
		w := norm[i:j]
		if len(w) == 0 {
			return false
		}
		if len(w) <= 6 && conjunction(w) {
			return false
		}
		// Every word of derivativeAfterWords starts with 'e', 'p', a
		// Cyrillic п or a Hangul syllable of 에, 퍼, 과, 케.
		if c := w[0]; c == 'e' || c == 'p' || c == 0xd0 || c == 0xea || c == 0xec || c == 0xed {
			for _, d := range derivativeAfterWords {
				if bytes.Equal(w, d) {
					return true
				}
			}
		}
		if ketalWord(w) {
			return true
		}
		if j >= len(norm) || norm[j] != ' ' {
			return false
		}
		i = j + 1
	}
	return false
}

// cjkDerivative: 过氧化/過氧化/과산화 glued before the name (a peroxide);
// after an acid's name (…酸) a Han run that ends in 酯 (an ester, 苯乙酸苄酯)
// or a katakana alcohol (フェニル酢酸イソアミル);
// after a ketone's name (…酮) a Han run that ends in 缩酮/縮酮 (a ketal,
// 4-哌啶酮乙二醇缩酮) or 过氧化物 (a peroxide); hydrochloric acid's name
// before another name (hclSaltPrefix).
func cjkDerivative(norm []byte, s, e int) bool {
	for _, p := range cjkPeroxideBefore {
		if bytes.HasSuffix(norm[:s], p) {
			return true
		}
	}
	last, _ := utf8.DecodeLastRune(norm[s:e])
	switch last {
	case '酸':
		if hclSaltPrefix(norm, s, e) {
			return true
		}
		if r, _ := utf8.DecodeRune(norm[e:]); r >= 0x30a0 && r <= 0x30ff {
			return katakanaAlkyl(norm[e:])
		}
		return hanRunEnds(norm, e, "酯")
	case '酮':
		return hanRunEnds(norm, e, "缩酮") || hanRunEnds(norm, e, "縮酮") || hanRunEnds(norm, e, "过氧化物") ||
			bytes.HasPrefix(norm[e:], []byte("パーオキサイド")) || bytes.HasPrefix(norm[e:], []byte("ペルオキシド"))
	}
	return false
}

var cjkPeroxideBefore = [][]byte{[]byte("过氧化"), []byte("過氧化"), []byte("과산화")}

// katakanaAlkyls are the alcohol parts of esters written in katakana after
// an acid's name (フェニル酢酸イソアミル isoamyl phenylacetate); a metal
// (フェニル酢酸ナトリウム, the acid's salt) or a word about the product
// (パウダー, サンプル) keeps the acid.
var katakanaAlkyls = []string{"メチル", "エチル", "プロピル", "イソプロピル", "ブチル", "イソブチル", "アミル", "イソアミル",
	"ペンチル", "ヘキシル", "オクチル", "ベンジル", "フェネチル", "フェニルエチル", "アリル", "シンナミル", "ゲラニル", "リナリル",
	"シトロネリル", "エステル"}

// katakanaAlkyl reports whether b starts with one of katakanaAlkyls.
func katakanaAlkyl(b []byte) bool {
	for _, c := range katakanaAlkyls {
		if bytes.HasPrefix(b, []byte(c)) {
			return true
		}
	}
	return false
}

// hanRunEnds reports whether the run of Han characters starting at
// norm[e] (at most eight, no conjunction among them) ends in suffix.
func hanRunEnds(norm []byte, e int, suffix string) bool {
	j, n := e, 0
	for j < len(norm) && n < 8 {
		r, size := utf8.DecodeRune(norm[j:])
		if !isCJK(r) || r == '和' || r == '与' || r == '與' || r == '及' || r == '或' {
			break
		}
		j += size
		n++
	}
	return n > 0 && bytes.HasSuffix(norm[e:j], []byte(suffix))
}

// hclSaltPrefix reports whether the name at norm[s:e] is 盐酸, 鹽酸 or 塩酸
// glued before another name: Chinese and Japanese write a hydrochloride as
// 盐酸 + the base (盐酸氨基葡萄糖 glucosamine hydrochloride, 盐酸二甲双胍,
// 塩酸グルコサミン), the acid's name as a salt marker. A word about the acid
// glued after it (盐酸溶液, 盐酸现货, 盐酸31%) keeps the acid; a watched
// base's hydrochloride (盐酸伪麻黄碱) is that base's own name.
func hclSaltPrefix(norm []byte, s, e int) bool {
	t := string(norm[s:e])
	if t != "盐酸" && t != "鹽酸" && t != "塩酸" || e >= len(norm) {
		return false
	}
	r, _ := utf8.DecodeRune(norm[e:])
	if r >= 0x30a0 && r <= 0x30ff {
		return t == "塩酸"
	}
	if !isCJK(r) {
		return false
	}
	rest := norm[e:]
	for _, w := range hclAcidWords {
		if bytes.HasPrefix(rest, []byte(w)) {
			return false
		}
	}
	return true
}

// hclAcidWords are the words glued after 盐酸 that are about the acid
// itself: its form, grade, trade, package and use, and the function words
// of a sentence.
var hclAcidWords = []string{
	"溶液", "水溶液", "水", "气", "氣", "现货", "現貨", "试剂", "試劑", "試薬", "价", "價", "厂", "廠", "生产", "生產", "供", "批",
	"出售", "销售", "銷售", "采购", "採購", "求购", "購", "购", "买", "買", "卖", "賣", "桶", "吨", "噸", "公斤", "千克", "升", "毫升",
	"分析纯", "分析純", "优级纯", "優級純", "化学纯", "化學純", "工业", "工業", "含量", "浓", "濃", "罐", "槽", "储", "儲", "运", "運",
	"的", "和", "与", "與", "及", "或", "是", "为", "為", "等", "每", "在", "中", "有", "可", "用", "要", "需", "不", "也", "都", "就",
	"大量", "长期", "長期", "国标", "國標", "质量", "質量", "酸洗", "清洗", "除垢", "除锈", "稀", "滴定", "标", "標", "包装", "包裝",
	"瓶", "精制", "副产", "废", "廢", "高纯", "高純", "电子级", "電子級", "食品级", "食品級", "试验", "實驗", "实验", "检测", "檢測",
	"参数", "參數", "说明", "說明", "安全", "技术", "技術", "报价", "報價", "原料", "系列", "产品", "產品", "雾", "霧", "挥发", "揮發",
	"腐蚀", "腐蝕", "泄漏", "清关", "双清", "包税", "危险", "危險", "危化", "易制毒", "管制", "备案", "備案", "许可", "許可", "多少",
	"盐", "鹽", "塩", "液", "厂家", "一", "两", "兩", "几", "幾", "现", "現", "价格", "價格",
	"出口", "进口", "進口", "直销", "直銷", "优惠", "優惠", "特价", "特價", "低价", "低價", "欢迎", "歡迎", "全国", "全國",
	"国内", "國內", "市场", "市場", "行情", "配送", "发货", "發貨", "送货", "送貨", "快递", "快遞", "物流", "散装", "散裝",
	"槽车", "槽車", "袋", "箱", "公司", "有限", "企业", "企業", "商", "店", "网", "網", "多钱", "怎么", "怎麼", "如何", "哪",
	"用途", "作用", "性质", "性質", "成分", "比例", "标签", "报告", "样", "樣", "小样", "总", "總", "级", "級",
}
