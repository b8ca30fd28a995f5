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
