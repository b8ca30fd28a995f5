package matchers

import "testing"

// TestGap79EsterOfAcid: an ester of phenylacetic acid named as "<alkyl>
// ester of the acid" or as the acid's name glued to the alcohol part is
// another substance (heldout79 ye0092 uk, ye0154 ru, ye0206 zh), in the
// main languages. Twins: the acid itself, its sodium salt, and the watched
// ethyl and methyl esters keep their own entries.
func TestGap79EsterOfAcid(t *testing.T) {
	const paa, ethyl, methyl = "103-82-2", "101-97-3", "101-41-7"
	runCAS(t, []casCase{
		{"Ізоамілфенілацетат 98%, 500 г", "Ізоаміловий естер фенілоцтової кислоти, CAS 102-19-2, ароматизатор.", nil, []string{paa}},
		{"Изоамилфенилацетат 98%, 1 кг", "Изоамиловый эфир фенилуксусной кислоты, CAS 102-19-2. Душистое вещество.", nil, []string{paa}},
		{"Бензиловый эфир фенилуксусной кислоты 1 кг", "", nil, []string{paa}},
		{"苯乙酸苄酯 98% 香料", "苯乙酸苄酯，CAS 102-16-9，日化香精原料。", nil, []string{paa}},
		{"苯乙酸异戊酯 25kg", "", nil, []string{paa}},
		{"フェニル酢酸イソアミル 500g", "", nil, []string{paa}},
		{"Isoamyl ester of phenylacetic acid, 1 kg", "", nil, []string{paa}},
		{"Phenylacetic acid benzyl ester 1 kg", "", nil, []string{paa}},
		{"Éster isoamílico del ácido fenilacético 1 kg", "", nil, []string{paa}},
		{"Ester benzylique de l'acide phénylacétique 1 kg", "", nil, []string{paa}},
		{"Estere isoamilico dell'acido fenilacetico 1 kg", "", nil, []string{paa}},
		{"Ester izoamylowy kwasu fenylooctowego 1 kg", "", nil, []string{paa}},
		{"Fenilasetik asit izoamil esteri 1 kg", "", nil, []string{paa}},
		{"Isoamylester der Phenylessigsäure 1 kg", "", nil, []string{paa}},
		{"Phenylessigsäureisoamylester 1 kg", "", nil, []string{paa}},
		{"Éster isoamílico do ácido fenilacético 1 kg", "", nil, []string{paa}},
		{"Isoamylester van fenylazijnzuur 1 kg", "", nil, []string{paa}},
		{"페닐아세트산 벤질 에스테르 1kg", "", nil, []string{paa}},
		// Twins.
		{"Фенилуксусная кислота 99%, 1 кг", "", []string{paa}, nil},
		{"Фенілоцтова кислота 99%, 1 кг", "", []string{paa}, nil},
		{"苯乙酸 99% 25kg", "", []string{paa}, nil},
		{"苯乙酸钠 99% 25kg", "", []string{paa}, nil},
		{"フェニル酢酸ナトリウム 500g", "", []string{paa}, nil},
		{"フェニル酢酸パウダー 500g", "", []string{paa}, nil},
		{"フェニル酢酸サンプル 10g", "", []string{paa}, nil},
		{"Phenylacetic acid 99%, 1 kg", "", []string{paa}, nil},
		{"Ácido fenilacético 99% 1 kg", "", []string{paa}, nil},
		{"Polyester bag of phenylacetic acid 1 kg", "", []string{paa}, nil},
		{"Phenylessigsäure 99%, 1 kg", "", []string{paa}, nil},
		{"페닐아세트산 99% 1kg", "", []string{paa}, nil},
		{"Ethyl acetate ester solvent; phenylacetic acid 1 kg", "", []string{paa}, nil},
		{"Этиловый эфир фенилуксусной кислоты 1 кг", "", []string{ethyl}, []string{paa}},
		{"苯乙酸甲酯 25kg", "", []string{methyl}, []string{paa}},
	})
}

// TestGap79PeroxideKetal: a peroxide or a ketal written with the watched
// name inside it is another substance — MEK peroxide in Russian and Chinese
// (heldout79 ye0162, ye0192) and the other main languages, 4-piperidone
// ethylene ketal in Chinese (ye0038). Twins: MEK and 4-piperidone
// themselves.
func TestGap79PeroxideKetal(t *testing.T) {
	const mek, pip = "78-93-3", "41661-47-6"
	runCAS(t, []casCase{
		{"Прайс растворители", "Ксилол — 115 ₽/кг\nМетилизобутилкетон (МИБК) — 230 ₽/кг\nПерекись метилэтилкетона (отвердитель) — 600 ₽/кг", nil, []string{mek}},
		{"Пероксид метилэтилкетона 1 кг", "", nil, []string{mek}},
		{"过氧化甲乙酮 固化剂 1kg", "过氧化甲乙酮（MEKP）CAS 1338-23-4，不饱和树脂固化剂。", nil, []string{mek}},
		{"过氧化丁酮 固化剂 1kg", "", nil, []string{mek}},
		{"Peróxido de metiletilcetona 1 kg", "", nil, []string{mek}},
		{"Peroxyde de méthyléthylcétone 1 kg", "", nil, []string{mek}},
		{"Methylethylketonperoxid 1 kg", "", nil, []string{mek}},
		{"Metil etil keton peroksit 1 kg", "", nil, []string{mek}},
		{"메틸에틸케톤 퍼옥사이드 1kg", "", nil, []string{mek}},
		{"4-哌啶酮乙二醇缩酮 98%", "1,4-二氧杂-8-氮杂螺[4.5]癸烷（4-哌啶酮乙二醇缩酮）CAS 177-11-7，医药中间体。", nil, []string{pip}},
		{"Этиленкеталь 4-пиперидона 1 кг", "", nil, []string{pip}},
		{"4-Пиперидона этиленкеталь 1 кг", "", nil, []string{pip}},
		{"4-Piperidon-ethylenketal 1 kg", "", nil, []string{pip}},
		{"Etilencetal de 4-piperidona 1 kg", "", nil, []string{pip}},
		{"Acetone dimethyl ketal 1 l", "", nil, []string{"67-64-1"}},
		// Twins.
		{"4-Пиперидон 1 кг", "", []string{pip}, nil},
		{"Метилэтилкетон 200 л", "", []string{mek}, nil},
		{"甲乙酮 200kg 桶装", "", []string{mek}, nil},
		{"Metiletilcetona 200 l", "", []string{mek}, nil},
		{"Hydrogen peroxide 35% and methyl ethyl ketone 200 l", "", []string{mek}, nil},
		{"Перекись водорода 35%, метилэтилкетон 200 л", "", []string{mek}, nil},
		{"Peroxide free acetone 200 l", "", []string{"67-64-1"}, nil},
		{"4-哌啶酮 98% 1kg", "", []string{pip}, nil},
	})
}

// TestGap79HydrochlorideSalt: 盐酸/鹽酸/塩酸 glued before another name is
// the salt marker of that base's hydrochloride (盐酸氨基葡萄糖 glucosamine
// HCl, heldout79 ye0016, ye0143, ye0205), not hydrochloric acid. Twins: the
// acid by itself, with a grade, or glued to a word about the acid (溶液,
// 现货), and a watched base's hydrochloride keeping the base.
func TestGap79HydrochlorideSalt(t *testing.T) {
	const hcl, pse = "7647-01-0", "90-82-4"
	runCAS(t, []casCase{
		{"盐酸氨基葡萄糖 98% 25kg", "盐酸氨基葡萄糖，CAS 66-84-2，保健品原料。", nil, []string{hcl}},
		{"原料药报价单", "1. 咖啡因 CAS 58-08-2 …… ¥ 160/kg\n2. 盐酸氨基葡萄糖 CAS 66-84-2 …… ¥ 55/kg\n3. 苯甲醇 CAS 100-51-6 …… ¥ 14/kg", nil, []string{hcl}},
		{"盐酸二甲双胍 25kg 现货", "", nil, []string{hcl}},
		{"鹽酸氨基葡萄糖 25公斤", "", nil, []string{hcl}},
		{"塩酸グルコサミン 25kg", "", nil, []string{hcl}},
		{"盐酸羟胺 99% 出口", "", nil, []string{hcl}},
		{"Глюкозамина гидрохлорид 1 кг", "", nil, []string{hcl}},
		{"Гидрохлорид метформина 25 кг", "", nil, []string{hcl}},
		{"Хлорид натрия 25 кг", "", nil, []string{hcl}},
		{"Glucosamine HCl 25 kg drum", "", nil, []string{hcl}},
		{"글루코사민 염산염 25kg", "", nil, []string{hcl}},
		// Twins.
		{"盐酸 31% 工业级 25kg", "", []string{hcl}, nil},
		{"工业盐酸 现货 吨", "", []string{hcl}, nil},
		{"盐酸溶液 36% 25公斤", "", []string{hcl}, nil},
		{"盐酸现货 31% 吨桶", "", []string{hcl}, nil},
		{"盐酸出口 31% 25公斤", "", []string{hcl}, nil},
		{"盐酸厂家直销 31%", "", []string{hcl}, nil},
		{"塩酸 35% 20kg", "", []string{hcl}, nil},
		{"Соляная кислота 37%, 20 л", "", []string{hcl}, nil},
		{"盐酸伪麻黄碱 CAS 345-78-8 1kg", "", []string{pse}, []string{hcl}},
	})
}

// TestGap79SeriesHeading: "<name> series" is the heading of a product
// family ("Price list — BMK series" above BMK glycidates and EAPA,
// heldout79 ye0053), not the substance offered. Twin: the substance named
// on a line of its own beside the heading.
func TestGap79SeriesHeading(t *testing.T) {
	runCAS(t, []casCase{
		{"Price list — BMK series", "BMK glycidic acid sodium salt (CAS 5449-12-7) ........ USD 380/kg\nBMK methyl glycidate CAS 80532-66-7 ........ USD 420/kg", []string{"25547-51-7", "80532-66-7"}, []string{"103-79-7"}},
		// Twins.
		{"Price list — BMK series", "BMK oil (CAS 103-79-7) ........ USD 900/l\nBMK methyl glycidate CAS 80532-66-7 ........ USD 420/kg", []string{"103-79-7", "80532-66-7"}, nil},
		{"PMK oil 1 kg, PMK series price list", "", []string{"4676-39-5"}, nil},
	})
}

// TestGap79PersianEther: "اتر دی اتیل" and "دی‌اتیل اتر" (with a
// zero-width non-joiner), the Persian names of diethyl ether (heldout79
// ye0188). Twin: "اتر نفت" (petroleum ether) is no diethyl ether.
func TestGap79PersianEther(t *testing.T) {
	const ether = "60-29-7"
	runCAS(t, []casCase{
		{"اتر دی اتیل خالص ۱ لیتر", "", []string{ether}, nil},
		{"دی‌اتیل اتر خالص ۱ لیتر", "", []string{ether}, nil},
		{"اتر نفت ۱ لیتر", "", nil, []string{ether}},
	})
}
