package matchers

import "testing"

// The labelled corpus (testdata/corpus, see its README) is what the matcher
// was built and tuned on.
const corpusPath = "../testdata/corpus/listings.jsonl"

// TestCorpus measures precision and recall of `suspicious` and of the set of
// offered CAS numbers over the labelled corpus, per category and language
// (the table prints with -v), and asserts both are at least 0.97 overall.
func TestCorpus(t *testing.T) {
	measureLabelledSet(t, "corpus", readLabelledSet(t, corpusPath), nil, 0.97)
}
