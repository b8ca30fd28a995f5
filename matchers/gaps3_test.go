package matchers

import "testing"

// Tests of the code-level gaps found on the third held-out set
// (testdata/heldout3; /work/notes/matcher-gaps.md, "Round 3"). Each case is
// written fresh, in other words than the held-out listing that showed the
// gap, so that the rule is tested and not the listing.

// Report words that overlap in the text are one phrase and count once: a
// catalogue entry's compliance note ("listed in Table I of the 1988
// Convention", several non-offer words in one phrase) does not make the
// entry a report, while a real report with distinct report words still is.
func TestGap3OverlappingReportWords(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "1-Boc-4-piperidone 97%, 10 g", desc: "White powder. Listed in Table I of the 1988 Convention; an import licence is needed.",
			suspicious: true, cas: []string{"79099-07-3"}},
		{title: "Norfentanyl base 98%", desc: "Crystalline solid, 5 g. Note: listed in table I of the 1988 convention since 2017.",
			suspicious: true, cas: []string{"1609-66-1"}},
		// Distinct report words in different places: still a report.
		{title: "INCB: 4-piperidone now listed in Table I", desc: "The Commission on Narcotic Drugs voted in March; the powder is a fentanyl precursor, officials said.",
			cas: []string{"41661-47-6"}},
	})
}

// A Table II or reagent name glued by a hyphen to a locant and a further
// name part ("piperidin-4-yl", "piperidine-1-carboxylate") names another
// compound; the name alone or with a salt word still counts.
func TestGap3LocantSuffix(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "1-(Piperidin-4-yl)ethanone HCl 97%", desc: "Building block, 25 g, white powder.", price: "$60"},
		{title: "Ethyl piperidine-1-carboxylate 98%, 100 g", desc: "Colourless liquid.", price: "$45"},
		{title: "Acetone-1,3-dicarboxylic acid 97%", desc: "Discreet shipping, 25 g.", price: "$30"},
		// The substance itself: still a hit (and suspicious with an indicator).
		{title: "Piperidine 99% 1 L", desc: "Discreet shipping, Telegram @pipe_lab.", price: "$80",
			suspicious: true, cas: []string{"110-89-4"}},
		{title: "Piperidine-d11 NMR solvent 98 atom % D, 1 g", desc: "Deuterated.", price: "$90", cas: []string{"110-89-4"}},
	})
}

// A not-substance noun that is the hiding place of a stealth shipment
// ("vacuum sealed inside a book") is the cover, not the product.
func TestGap3ConcealmentCover(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Ephedrine HCl 50 g", desc: "Ships hidden in a hardcover novel, tracked.", price: "0.01 BTC",
			suspicious: true, cas: []string{"299-42-3"}},
		{title: "Safrole 100 ml", desc: "Stealth: bottle packed inside a poster tube.", price: "$120",
			suspicious: true, cas: []string{"94-59-7"}},
		// The book is the product: not an offer of the substance.
		{title: "Chemistry of ephedrine — hardcover book", desc: "Used copy, 320 pages.", price: "$25",
			cas: []string{"299-42-3"}},
	})
}

// A street name right before another substance's CAS number and its CAS
// label ("pmk oil cas 28578-16-7") is the vendor's name for that
// substance when every word of it is a word of that substance's terms;
// alone it keeps its own substance.
func TestGap3StreetNameCASQualifier(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Our list", desc: "pmk oil cas 28578-16-7, 99%, 5 L.", price: "$900",
			suspicious: true, cas: []string{"28578-16-7"}},
		{title: "PMK oil (CAS 28578-16-7) in stock", price: "$900",
			suspicious: true, cas: []string{"28578-16-7"}},
		// Its own CAS number, or none: the street name's substance.
		{title: "PMK oil, CAS 4676-39-5, 1 L", price: "$900", suspicious: true, cas: []string{"4676-39-5"}},
		{title: "PMK oil 1 L", desc: "Clear oil.", price: "$900", suspicious: true, cas: []string{"4676-39-5"}},
	})
}

// A street name beginning with "new" right before "precursor" ("new PMK
// precursor MAMDPA") is not the street name: "new" qualifies "precursor",
// and the name inside it (PMK) is what the listing names.
func TestGap3NewStreetNamePrecursor(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "EAPA 5413-05-8", desc: "New BMK precursor, 98% oil, 5 kg.", price: "$700",
			suspicious: true, cas: []string{"103-79-7", "5413-05-8"}},
		{title: "MAMDPA 99% white solid", desc: "The new PMK precursors, 10 kg in stock.", price: "$900",
			suspicious: true, cas: []string{"1369021-80-6", "4676-39-5"}},
		// The street name itself still counts.
		{title: "New PMK oil 1 L", desc: "Yellow oil, 99%.", price: "$900", suspicious: true, cas: []string{"28578-16-7"}},
	})
}

// Glycidates spelled with the ketone's full name ("benzyl methyl ketone
// glycidate") are the glycidate, not the ketone inside the name.
func TestGap3FullNameGlycidate(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "Benzyl methyl ketone glycidate 99%", desc: "white powder, 1 kg", price: "$300", suspicious: true, cas: []string{"25547-51-7"}},
		{title: "Piperonyl methyl ketone glycidate", desc: "1 kg", price: "$300", suspicious: true, cas: []string{"13605-48-6"}},
		{title: "Benzyl methyl ketone 99%", desc: "1 L", price: "$300", suspicious: true, cas: []string{"103-79-7"}},
	})
}
