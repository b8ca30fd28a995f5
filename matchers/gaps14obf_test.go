package matchers

import "testing"

// TestGap14ObfuscationProbe: 33 obfuscations of "ephedrine" in an offer
// (session 14 probe) found four a reader still reads that the matcher did
// not: one space inside the word ("ephed rine"), a lower-case "l" for the
// "I" of a word in capitals ("EPHEDRlNE"), "!" and "|" for "i". Words that
// stand before a name on their own ("nor", "iso") are no cut name, and the
// variants stay confined to Table I and designer names.
func TestGap14ObfuscationProbe(t *testing.T) {
	runCAS(t, []casCase{
		{"ephed rine 1 kg", "Wholesale, contact Wickr.", []string{"299-42-3"}, nil},
		{"EPHEDRlNE 1 kg", "Wholesale, contact Wickr.", []string{"299-42-3"}, nil},
		{"PSEUDOEPHEDRlNE 1 kg", "Wholesale, contact Wickr.", []string{"90-82-4"}, nil},
		{"EPHEDR!NE 1 kg", "Wholesale, contact Wickr.", []string{"299-42-3"}, nil},
		{"ephedr|ne 1 kg", "Wholesale, contact Wickr.", []string{"299-42-3"}, nil},
		{"saf role 5 l", "Wholesale, contact Wickr.", []string{"94-59-7"}, nil},
		// Not names.
		{"Acetone 1 l", "Nail polish remover, gentle on nails.", nil, []string{"299-42-3", "94-59-7"}},
		{"Piper 1 kg", "Black pepper, whole.", nil, []string{"120-57-0"}},
	})
}

// TestGap14EmojiMinusInCAS: the heavy minus sign of emoji keyboards ("CAS
// 5449➖12➖7", session 14 probe) is a dash like the other dashes.
func TestGap14EmojiMinusInCAS(t *testing.T) {
	runCAS(t, []casCase{
		{"Powder 1 kg", "CAS 5449➖12➖7, wholesale, Wickr.", []string{"25547-51-7"}, nil},
		{"Powder 1 kg", "CAS 5449➖12➖8, wholesale, Wickr.", nil, []string{"25547-51-7"}},
	})
}

// TestGap14MAPAAcetylName: MAPA written as the methyl ester of
// alpha-acetylphenylacetic acid ("methyl alpha-acetylphenylacetate", the
// way EAPA's ethyl ester was already listed; session 14 probe of the
// immediate precursors) names MAPA.
func TestGap14MAPAAcetylName(t *testing.T) {
	runCAS(t, []casCase{
		{"methyl alpha-acetylphenylacetate 1 kg", "In stock, price on request.", []string{"16648-44-5"}, nil},
		{"ethyl alpha-acetylphenylacetate 1 kg", "In stock, price on request.", []string{"5413-05-8"}, []string{"16648-44-5"}},
	})
}

// TestGap14SafroleRichOils: safrole-rich oils named by their trees
// ("Ocotea pretiosa oil", Cambodia's "Cinnamomum parthenoxylon" or "mreah
// prew phnom" oil; session 14 probe) are safrole, as "sassafras oil" and
// "Ocotea cymbarum oil" were. Cinnamon bark oil stays no safrole.
func TestGap14SafroleRichOils(t *testing.T) {
	runCAS(t, []casCase{
		{"Ocotea pretiosa oil 10 L", "Wickr only.", []string{"94-59-7"}, nil},
		{"Cinnamomum parthenoxylon oil 10 L", "Wickr only.", []string{"94-59-7"}, nil},
		{"Mreah prew phnom oil 200 L", "Direct from the distillery, Telegram.", []string{"94-59-7"}, nil},
		{"Cinnamon bark oil 10 ml", "Cinnamomum verum, for aromatherapy.", nil, []string{"94-59-7"}},
	})
}

// TestGap14GlycidateNamesProbe: "BMK/PMK glycidate" in 14 languages
// (session 14 probe) read the Polish "glicydat", Japanese "グリシド酸エステル",
// Korean "글리시데이트" as bare BMK or PMK (P-2-P's or PMK's CAS) and found
// nothing in Persian "گلیسیدات" or Arabic "غليسيدات".
func TestGap14GlycidateNamesProbe(t *testing.T) {
	runCAS(t, []casCase{
		{"Glicydat BMK 1 kg", "In stock.", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"BMKグリシド酸エステル 1kg", "In stock.", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"BMK 글리시데이트 1kg", "In stock.", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"گلیسیدات BMK یک کیلو", "In stock.", []string{"25547-51-7"}, nil},
		{"غليسيدات BMK 1 كغ", "In stock.", []string{"25547-51-7"}, nil},
		{"PMK glicydat 1 kg", "In stock.", []string{"13605-48-6"}, []string{"4676-39-5"}},
		{"PMK 글리시데이트 1kg", "In stock.", []string{"13605-48-6"}, []string{"4676-39-5"}},
	})
}
