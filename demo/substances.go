package demo

// Substance classes as the ticket policy sees them.
const (
	classTableI       = "table-I"
	classDesigner     = "designer" // immediate precursors: suspicious in any quantity
	classTableII      = "table-II"
	classSurveillance = "surveillance" // reagents: suspicious only with a risk indicator
	classMedicine     = "medicine"
)

// substance is one offered chemical with its names in every demo language.
// cas is the primary CAS of the parent substance (what a label carries);
// shown is the CAS printed in offers (a salt's CAS where the offer is a salt).
type substance struct {
	key   string
	class string
	cas   string
	shown []string // CAS numbers sellers print (parent first, then salts)
	names map[string]string
}

// substances are the chemicals generated offers are built from. Names
// follow the watchlist reference for en, zh, ru, es, fr and de; pl, tr and
// nl are standard nomenclature.
var substances = []substance{
	{key: "ephedrine", class: classTableI, cas: "299-42-3", shown: []string{"299-42-3", "50-98-6"},
		names: map[string]string{"en": "Ephedrine HCl", "zh": "盐酸麻黄碱", "ru": "Эфедрин гидрохлорид", "es": "Clorhidrato de efedrina", "de": "Ephedrinhydrochlorid", "fr": "Chlorhydrate d'éphédrine", "pl": "Chlorowodorek efedryny (ephedrine HCl)", "tr": "Efedrin hidroklorür (ephedrine)", "nl": "Efedrinehydrochloride (ephedrine HCl)"}},
	{key: "pseudoephedrine", class: classTableI, cas: "90-82-4", shown: []string{"90-82-4", "345-78-8"},
		names: map[string]string{"en": "Pseudoephedrine HCl powder", "zh": "盐酸伪麻黄碱原粉", "ru": "Псевдоэфедрин гидрохлорид порошок", "es": "Seudoefedrina HCl en polvo", "de": "Pseudoephedrin-HCl Pulver", "fr": "Pseudoéphédrine HCl en poudre", "pl": "Pseudoefedryna HCl proszek (pseudoephedrine)", "tr": "Psödoefedrin HCl toz (pseudoephedrine)", "nl": "Pseudo-efedrine HCl poeder (pseudoephedrine)"}},
	{key: "norephedrine", class: classTableI, cas: "14838-15-4", shown: []string{"14838-15-4"},
		names: map[string]string{"en": "Norephedrine (phenylpropanolamine)", "zh": "去甲麻黄碱", "ru": "Норэфедрин", "es": "Norefedrina", "de": "Norephedrin", "fr": "Noréphédrine", "pl": "Norefedryna (norephedrine)", "tr": "Norefedrin (norephedrine)", "nl": "Norefedrine (norephedrine)"}},
	{key: "p2p", class: classTableI, cas: "103-79-7", shown: []string{"103-79-7"},
		names: map[string]string{"en": "BMK oil (P2P, phenylacetone)", "zh": "1-苯基-2-丙酮 (BMK)", "ru": "Фенилацетон (BMK, P2P)", "es": "Fenilacetona (BMK)", "de": "Phenylaceton (BMK)", "fr": "Phénylacétone (BMK)", "pl": "Fenyloaceton (BMK oil)", "tr": "Fenilaseton (BMK oil)", "nl": "Fenylaceton (BMK oil)"}},
	{key: "pmk", class: classTableI, cas: "4676-39-5", shown: []string{"4676-39-5"},
		names: map[string]string{"en": "PMK oil (MDP2P)", "zh": "3,4-亚甲基二氧苯基-2-丙酮 (PMK)", "ru": "PMK масло (3,4-метилендиоксифенил-2-пропанон)", "es": "Aceite PMK (3,4-metilendioxifenil-2-propanona)", "de": "PMK-Öl (3,4-Methylendioxyphenylpropan-2-on)", "fr": "Huile PMK (3,4-méthylènedioxyphényl-2-propanone)", "pl": "Olej PMK (MDP2P)", "tr": "PMK yağı (MDP2P)", "nl": "PMK-olie (MDP2P)"}},
	{key: "safrole", class: classTableI, cas: "94-59-7", shown: []string{"94-59-7"},
		names: map[string]string{"en": "Safrole", "zh": "黄樟素", "ru": "Сафрол", "es": "Safrol", "de": "Safrol", "fr": "Safrole", "pl": "Safrol (safrole)", "tr": "Safrol (safrole)", "nl": "Safrol (safrole)"}},
	{key: "piperonal", class: classTableI, cas: "120-57-0", shown: []string{"120-57-0"},
		names: map[string]string{"en": "Piperonal (heliotropin)", "zh": "胡椒醛", "ru": "Пиперональ", "es": "Piperonal", "de": "Piperonal (Heliotropin)", "fr": "Pipéronal", "pl": "Piperonal (heliotropina)", "tr": "Piperonal", "nl": "Piperonal (heliotropine)"}},
	{key: "npp", class: classTableI, cas: "39742-60-4", shown: []string{"39742-60-4"},
		names: map[string]string{"en": "N-Phenethyl-4-piperidone (NPP)", "zh": "N-苯乙基-4-哌啶酮", "ru": "N-фенэтил-4-пиперидон (NPP)", "es": "N-fenetil-4-piperidona (NPP)", "de": "N-Phenethyl-4-piperidon (NPP)", "fr": "N-phénéthyl-4-pipéridone (NPP)", "pl": "N-fenetylo-4-piperydon (NPP)", "tr": "N-fenetil-4-piperidon (NPP)", "nl": "N-fenethyl-4-piperidon (NPP)"}},
	{key: "anpp", class: classTableI, cas: "21409-26-7", shown: []string{"21409-26-7"},
		names: map[string]string{"en": "4-ANPP powder", "zh": "4-苯胺基-N-苯乙基哌啶 (ANPP)", "ru": "4-анилино-N-фенэтилпиперидин (ANPP)", "es": "4-anilino-N-fenetilpiperidina (ANPP)", "de": "4-Anilino-N-phenethylpiperidin (ANPP)", "fr": "4-anilino-N-phénéthylpipéridine (ANPP)", "pl": "ANPP proszek", "tr": "ANPP toz", "nl": "ANPP poeder"}},
	{key: "acetic-anhydride", class: classTableI, cas: "108-24-7", shown: []string{"108-24-7"},
		names: map[string]string{"en": "Acetic anhydride", "zh": "醋酸酐", "ru": "Уксусный ангидрид", "es": "Anhídrido acético", "de": "Essigsäureanhydrid", "fr": "Anhydride acétique", "pl": "Bezwodnik octowy (acetic anhydride)", "tr": "Asetik anhidrit (acetic anhydride)", "nl": "Azijnzuuranhydride (acetic anhydride)"}},
	{key: "kmno4", class: classTableI, cas: "7722-64-7", shown: []string{"7722-64-7"},
		names: map[string]string{"en": "Potassium permanganate KMnO4", "zh": "高锰酸钾", "ru": "Перманганат калия", "es": "Permanganato potásico", "de": "Kaliumpermanganat", "fr": "Permanganate de potassium", "pl": "Nadmanganian potasu (KMnO4)", "tr": "Potasyum permanganat (KMnO4)", "nl": "Kaliumpermanganaat (KMnO4)"}},
	{key: "4-ap", class: classTableI, cas: "23056-29-3", shown: []string{"23056-29-3"},
		names: map[string]string{"en": "4-Anilinopiperidine (4-AP)", "zh": "4-苯胺基哌啶", "ru": "N-фенилпиперидин-4-амин (4-AP)", "es": "N-fenilpiperidin-4-amina (4-AP)", "de": "N-Phenylpiperidin-4-amin (4-AP)", "fr": "N-phénylpipéridin-4-amine (4-AP)", "pl": "4-anilinopiperydyna (4-AP)", "tr": "4-anilinopiperidin (4-AP)", "nl": "4-anilinopiperidine (4-AP)"}},

	{key: "bmk-glycidate", class: classDesigner, cas: "80532-66-7", shown: []string{"80532-66-7"},
		names: map[string]string{"en": "BMK methyl glycidate", "zh": "BMK缩水甘油酸甲酯", "ru": "Метилглицидат BMK", "es": "Glicidato de metilo de BMK", "de": "BMK-Methylglycidat", "fr": "Méthylglycidate de BMK", "pl": "Glicydan metylu BMK (BMK methyl glycidate)", "tr": "BMK metil glisidat", "nl": "BMK-methylglycidaat"}},
	{key: "bmk-glycidic-acid", class: classDesigner, cas: "25547-51-7", shown: []string{"25547-51-7", "5449-12-7"},
		names: map[string]string{"en": "BMK glycidic acid sodium salt", "zh": "BMK缩水甘油酸钠盐", "ru": "BMK-глицидная кислота, натриевая соль", "es": "Ácido glicídico de BMK (sal sódica)", "de": "BMK-Glycidsäure Natriumsalz", "fr": "Acide glycidique de BMK, sel de sodium", "pl": "Kwas glicydowy BMK sól sodowa", "tr": "BMK glisidik asit sodyum tuzu", "nl": "BMK-glycidezuur natriumzout"}},
	{key: "pmk-glycidate", class: classDesigner, cas: "13605-48-6", shown: []string{"13605-48-6"},
		names: map[string]string{"en": "PMK glycidate powder (PMK methyl glycidate)", "zh": "PMK缩水甘油酸甲酯", "ru": "PMK-глицидат (метилглицидат 3,4-МДФ-2-П)", "es": "Glicidato de metilo de PMK", "de": "PMK-Methylglycidat", "fr": "Glycidate de PMK", "pl": "Glicydan PMK (PMK glycidate)", "tr": "PMK glisidat", "nl": "PMK-glycidaat"}},
	{key: "pmk-ethyl-glycidate", class: classDesigner, cas: "28578-16-7", shown: []string{"28578-16-7"},
		names: map[string]string{"en": "New PMK oil (PMK ethyl glycidate)", "zh": "PMK缩水甘油酸乙酯 (新PMK油)", "ru": "Этилглицидат PMK (новое PMK масло)", "es": "Glicidato de etilo de PMK", "de": "PMK-Ethylglycidat (neues PMK-Öl)", "fr": "Éthylglycidate de PMK", "pl": "Glicydan etylu PMK (new PMK oil)", "tr": "PMK etil glisidat", "nl": "PMK-ethylglycidaat"}},
	{key: "apaa", class: classDesigner, cas: "4433-77-6", shown: []string{"4433-77-6"},
		names: map[string]string{"en": "APAA (alpha-phenylacetoacetamide)", "zh": "α-苯乙酰乙酰胺 (APAA)", "ru": "альфа-фенилацетоацетамид (APAA)", "es": "α-fenilacetoacetamida (APAA)", "de": "alpha-Phenylacetoacetamid (APAA)", "fr": "α-phénylacétoacétamide (APAA)", "pl": "APAA (alfa-fenyloacetoacetamid)", "tr": "APAA", "nl": "APAA (alfa-fenylacetoacetamide)"}},
	{key: "mapa", class: classDesigner, cas: "16648-44-5", shown: []string{"16648-44-5"},
		names: map[string]string{"en": "MAPA (methyl alpha-phenylacetoacetate)", "zh": "α-苯乙酰乙酸甲酯 (MAPA)", "ru": "метил-альфа-фенилацетоацетат (MAPA)", "es": "α-fenilacetoacetato de metilo (MAPA)", "de": "alpha-Phenylacetoacetat-methylester (MAPA)", "fr": "α-phénylacétoacétate de méthyle (MAPA)", "pl": "MAPA (metyl alfa-fenyloacetooctan)", "tr": "MAPA", "nl": "MAPA"}},
	{key: "1-boc-4-piperidone", class: classDesigner, cas: "79099-07-3", shown: []string{"79099-07-3"},
		names: map[string]string{"en": "1-Boc-4-piperidone", "zh": "N-Boc-4-哌啶酮", "ru": "1-Boc-4-пиперидон", "es": "1-Boc-4-piperidona", "de": "1-Boc-4-piperidon", "fr": "1-Boc-4-pipéridone", "pl": "1-Boc-4-piperydon (1-boc-4-piperidone)", "tr": "1-Boc-4-piperidon", "nl": "1-Boc-4-piperidon"}},
	{key: "2b4mp", class: classDesigner, cas: "1451-82-7", shown: []string{"1451-82-7"},
		names: map[string]string{"en": "2-Bromo-4'-methylpropiophenone", "zh": "2-溴-4'-甲基苯丙酮", "ru": "2-бром-4'-метилпропиофенон", "es": "2-bromo-4'-metilpropiofenona", "de": "2-Brom-4'-methylpropiophenon", "fr": "2-bromo-4'-méthylpropiophénone", "pl": "2-bromo-4'-metylopropiofenon", "tr": "2-bromo-4'-metilpropiyofenon", "nl": "2-broom-4'-methylpropiofenon"}},

	{key: "acetone", class: classTableII, cas: "67-64-1", shown: []string{"67-64-1"},
		names: map[string]string{"en": "Acetone technical grade", "zh": "丙酮", "ru": "Ацетон", "es": "Acetona", "de": "Aceton", "fr": "Acétone", "pl": "Aceton", "tr": "Aseton (acetone)", "nl": "Aceton"}},
	{key: "toluene", class: classTableII, cas: "108-88-3", shown: []string{"108-88-3"},
		names: map[string]string{"en": "Toluene", "zh": "甲苯", "ru": "Толуол", "es": "Tolueno", "de": "Toluol", "fr": "Toluène", "pl": "Toluen (toluene)", "tr": "Toluen (toluene)", "nl": "Tolueen (toluene)"}},
	{key: "sulfuric-acid", class: classTableII, cas: "7664-93-9", shown: []string{"7664-93-9"},
		names: map[string]string{"en": "Sulfuric acid", "zh": "硫酸", "ru": "Серная кислота", "es": "Ácido sulfúrico", "de": "Schwefelsäure", "fr": "Acide sulfurique", "pl": "Kwas siarkowy (sulfuric acid)", "tr": "Sülfürik asit (sulfuric acid)", "nl": "Zwavelzuur (sulfuric acid)"}},
	{key: "mek", class: classTableII, cas: "78-93-3", shown: []string{"78-93-3"},
		names: map[string]string{"en": "Methyl ethyl ketone (MEK)", "zh": "丁酮", "ru": "Метилэтилкетон", "es": "Metiletilcetona", "de": "Methylethylketon", "fr": "Méthyléthylcétone", "pl": "Metyloetyloketon (MEK)", "tr": "Metil etil keton (MEK)", "nl": "Methylethylketon (MEK)"}},
	{key: "piperidine", class: classTableII, cas: "110-89-4", shown: []string{"110-89-4"},
		names: map[string]string{"en": "Piperidine", "zh": "哌啶", "ru": "Пиперидин", "es": "Piperidina", "de": "Piperidin", "fr": "Pipéridine", "pl": "Piperydyna (piperidine)", "tr": "Piperidin", "nl": "Piperidine"}},
	{key: "hcl", class: classTableII, cas: "7647-01-0", shown: []string{"7647-01-0"},
		names: map[string]string{"en": "Hydrochloric acid", "zh": "盐酸", "ru": "Соляная кислота", "es": "Ácido clorhídrico", "de": "Salzsäure", "fr": "Acide chlorhydrique", "pl": "Kwas solny (hydrochloric acid)", "tr": "Hidroklorik asit (hydrochloric acid)", "nl": "Zoutzuur (hydrochloric acid)"}},

	{key: "red-phosphorus", class: classSurveillance, cas: "7723-14-0", shown: []string{"7723-14-0"},
		names: map[string]string{"en": "Red phosphorus powder", "zh": "红磷", "ru": "Красный фосфор", "es": "Fósforo rojo", "de": "Roter Phosphor", "fr": "Phosphore rouge", "pl": "Fosfor czerwony (red phosphorus)", "tr": "Kırmızı fosfor (red phosphorus)", "nl": "Rode fosfor (red phosphorus)"}},
	{key: "hypophosphorous-acid", class: classSurveillance, cas: "6303-21-5", shown: []string{"6303-21-5"},
		names: map[string]string{"en": "Hypophosphorous acid", "zh": "次磷酸", "ru": "Фосфорноватистая кислота", "es": "Ácido hipofosforoso", "de": "Phosphinsäure (hypophosphorige Säure)", "fr": "Acide hypophosphoreux", "pl": "Kwas podfosforawy (hypophosphorous acid)", "tr": "Hipofosforöz asit", "nl": "Hypofosforigzuur"}},

	{key: "pse-tablets", class: classMedicine, cas: "90-82-4", shown: nil,
		names: map[string]string{"en": "Pseudoephedrine 60 mg tablets", "zh": "伪麻黄碱片 60毫克", "ru": "Псевдоэфедрин таблетки 60 мг", "es": "Seudoefedrina 60 mg comprimidos", "de": "Pseudoephedrin 60 mg Tabletten", "fr": "Pseudoéphédrine 60 mg comprimés", "pl": "Pseudoefedryna 60 mg tabletki", "tr": "Psödoefedrin 60 mg tablet", "nl": "Pseudo-efedrine 60 mg tabletten"}},
	{key: "eph-tablets", class: classMedicine, cas: "299-42-3", shown: nil,
		names: map[string]string{"en": "Ephedrine sulfate 25 mg tablets", "zh": "麻黄碱片 25毫克", "ru": "Эфедрин таблетки 25 мг", "es": "Efedrina 25 mg comprimidos", "de": "Ephedrin 25 mg Tabletten", "fr": "Éphédrine 25 mg comprimés", "pl": "Efedryna 25 mg tabletki", "tr": "Efedrin 25 mg tablet", "nl": "Efedrine 25 mg tabletten"}},
}

func substancesOf(class string) []substance {
	var out []substance
	for _, s := range substances {
		if s.class == class {
			out = append(out, s)
		}
	}
	return out
}
