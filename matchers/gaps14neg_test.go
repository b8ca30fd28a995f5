package matchers

import (
	"testing"

	"github.com/precwatch/precwatch"
)

// negCase is a listing and whether its mention of a substance must be
// negated.
type negCase struct {
	title, desc, sub string
	negated          bool
}

// runNegCases matches every case and reports each substance whose negation
// differs from the case (a substance the listing does not name at all is
// reported too).
func runNegCases(t *testing.T, cases []negCase) {
	t.Helper()
	m := mustMatcher(t)
	for _, tc := range cases {
		res := m.Match(&precwatch.Listing{Title: tc.title, Description: tc.desc})
		found := false
		for _, s := range res.Substances {
			if s.ID != tc.sub {
				continue
			}
			found = true
			if s.Negated != tc.negated {
				t.Errorf("Match(%q / %q): %s negated %v, want %v\n    explain: %v", tc.title, tc.desc, tc.sub, s.Negated, tc.negated, res.Explain)
			}
		}
		if !found {
			t.Errorf("Match(%q / %q): no %s among %v", tc.title, tc.desc, tc.sub, res.Substances)
		}
	}
}

// TestGap14NegationCues: "does not contain" before the name in Romanian,
// Hungarian, the Western South Slavic languages, Bulgarian, Ukrainian,
// Greek, Swedish, Norwegian and Lithuanian, found missing by a probe of the
// same sentence in 18 languages (session 14). A statement of what a product
// is ("ci pseudoefedrină", "but pseudoephedrine") is no negation.
func TestGap14NegationCues(t *testing.T) {
	runNegCases(t, []negCase{
		{"Sirop de tuse 100 ml", "Nu conține efedrină.", "ephedrine", true},
		{"Sirop de tuse 100 ml", "Nu conţine pseudoefedrină.", "pseudoephedrine", true},
		{"Köhögés elleni szirup 100 ml", "Nem tartalmaz efedrint.", "ephedrine", true},
		{"Sirup protiv kašlja 100 ml", "Ne sadrži efedrin.", "ephedrine", true},
		{"Sirup protiv kašlja 100 ml", "Ne sadrzi pseudoefedrin.", "pseudoephedrine", true},
		{"Сироп за кашлица 100 мл", "Не съдържа ефедрин.", "ephedrine", true},
		{"Сироп від кашлю 100 мл", "Не містить ефедрину.", "ephedrine", true},
		{"Σιρόπι για τον βήχα 100 ml", "Δεν περιέχει εφεδρίνη.", "ephedrine", true},
		{"Hostmedicin 100 ml", "Innehåller inget efedrin.", "ephedrine", true},
		{"Hostmedicin 100 ml", "Innehåller inte pseudoefedrin.", "pseudoephedrine", true},
		{"Hostesaft 100 ml", "Inneholder ikke efedrin.", "ephedrine", true},
		{"Sirupas nuo kosulio 100 ml", "Sudėtyje nėra efedrino.", "ephedrine", true},
		// Not negations.
		{"Sirop de tuse 100 ml", "Nu conține efedrină, ci pseudoefedrină 60 mg.", "pseudoephedrine", false},
		{"Köhögés elleni szirup 100 ml", "Nem tartalmaz alkoholt. Pszeudoefedrin 60 mg.", "pseudoephedrine", false},
		{"Hostmedicin 100 ml", "Innehåller pseudoefedrin 60 mg.", "pseudoephedrine", false},
	})
}

// TestGap14AccentedConnectors: Hungarian "és" and Romanian "și" carry a
// negation through a list ("efedrin és pszeudoefedrin nélkül", "fără
// efedrină și pseudoefedrină"). Folded they read "es" and "si", which are
// no connectors in Spanish ("no efedrina, sí pseudoefedrina": yes to
// pseudoephedrine) or Catalan: only the accented spelling counts.
func TestGap14AccentedConnectors(t *testing.T) {
	runNegCases(t, []negCase{
		{"Köhögés elleni szirup 100 ml", "Efedrin és pszeudoefedrin nélkül.", "ephedrine", true},
		{"Köhögés elleni szirup 100 ml", "Nem tartalmaz efedrint és pszeudoefedrint.", "pseudoephedrine", true},
		{"Köhögés elleni szirup 100 ml", "EFEDRIN ÉS PSZEUDOEFEDRIN NÉLKÜL.", "ephedrine", true},
		{"Sirop de tuse 100 ml", "Fără efedrină și pseudoefedrină.", "pseudoephedrine", true},
		{"Sirop de tuse 100 ml", "Fără efedrină şi pseudoefedrină.", "pseudoephedrine", true},
		// Not connectors.
		{"Jarabe 100 ml", "Sin efedrina si pseudoefedrina 60 mg.", "pseudoephedrine", false},
		{"Jarabe 100 ml", "No efedrina, sí pseudoefedrina 60 mg.", "pseudoephedrine", false},
		{"Jarabe 100 ml", "Sin efedrina es pseudoefedrina 60 mg.", "pseudoephedrine", false},
	})
}

// TestGap14ParticleBeforeNegation: Japanese and Korean write "X does not
// contain" with a particle glued to the name before the verb
// ("エフェドリンは含まれていません", "에페드린이 들어 있지 않습니다").
// Without the verb, or with a verb of having, the name stays.
func TestGap14ParticleBeforeNegation(t *testing.T) {
	runNegCases(t, []negCase{
		{"せき止めシロップ 100ml", "エフェドリンは含まれていません。", "ephedrine", true},
		{"せき止めシロップ 100ml", "エフェドリンを含みません。", "ephedrine", true},
		{"기침 시럽 100ml", "에페드린이 들어 있지 않습니다.", "ephedrine", true},
		{"기침 시럽 100ml", "에페드린을 함유하지 않습니다.", "ephedrine", true},
		{"せき止めシロップ 100ml", "エフェドリンを含みます。", "ephedrine", false},
		{"기침 시럽 100ml", "에페드린이 들어 있습니다.", "ephedrine", false},
	})
}

// TestGap14EsterOfAcid: an ester named as "<alkyl> ester of <acid>" is
// another compound than the acid: methyl anthranilate (a grape flavour, in
// no table) is no anthranilic acid in any of its wordings ("Methylester
// kyseliny anthranilové", "ester metylowy kwasu antranilowego", "methyl
// ester of anthranilic acid"), and ethyl phenylacetate, on the special
// surveillance list, is no phenylacetic acid, a Table I substance. The
// acids named alone stay.
func TestGap14EsterOfAcid(t *testing.T) {
	runCAS(t, []casCase{
		{"Methylester kyseliny anthranilové 1 kg", "Potravinářské aroma.", nil, []string{"118-92-3"}},
		{"Metylester kyseliny antranilovej 1 kg", "Aróma.", nil, []string{"118-92-3"}},
		{"Ester metylowy kwasu antranilowego 1 kg", "Aromat spożywczy.", nil, []string{"118-92-3"}},
		{"Метиловый эфир антраниловой кислоты 1 кг", "Пищевой ароматизатор.", nil, []string{"118-92-3"}},
		{"methyl ester of anthranilic acid 1 kg", "Food flavouring.", nil, []string{"118-92-3"}},
		{"Anthranilic acid ethyl ester 1 kg", "Food flavouring.", nil, []string{"118-92-3"}},
		{"Éster metílico del ácido antranílico 1 kg", "Aroma alimentario.", nil, []string{"118-92-3"}},
		{"Ester méthylique de l'acide anthranilique 1 kg", "Arôme alimentaire.", nil, []string{"118-92-3"}},
		{"Estere metilico dell'acido antranilico 1 kg", "Aroma alimentare.", nil, []string{"118-92-3"}},
		{"Antranilsav-metil-észter 1 kg", "Élelmiszer-aroma.", nil, []string{"118-92-3"}},
		{"ethyl ester of phenylacetic acid 1 kg", "Flavour grade.", []string{"101-97-3"}, []string{"103-82-2"}},
		{"Phenylacetic acid methyl ester 1 kg", "Flavour grade.", []string{"101-41-7"}, []string{"103-82-2"}},
		{"Éster etílico del ácido fenilacético 1 kg", "Grado aroma.", []string{"101-97-3"}, []string{"103-82-2"}},
		// The acids themselves.
		{"Kyselina anthranilová 1 kg", "Čistota 99 %.", []string{"118-92-3"}, nil},
		{"Anthranilic acid 1 kg", "Purity 99%.", []string{"118-92-3"}, nil},
		{"Phenylacetic acid 1 kg", "Purity 99%.", []string{"103-82-2"}, nil},
	})
}
