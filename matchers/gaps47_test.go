package matchers

import "testing"

// TestGap47NumberTail: the negation cue "0%" ("0% ephedrine") at the end of
// a longer number ("yields ~80% PMK", "99.0% P2P", heldout47 zp0097) is the
// tail of that number, not a zero: the name after it stays a mention. A
// bare "0%" still negates.
func TestGap47NumberTail(t *testing.T) {
	runCAS(t, []casCase{
		{"PMK ethyl glycidate oil 5L - EU drops", "28578-16-7, yields ~80% PMK after hydrolysis/decarb (guide included).",
			[]string{"28578-16-7", "4676-39-5"}, nil},
		{"APAAN 1 kg", "Hydrolysis gives 90% P2P, guide included.", []string{"4468-48-8", "103-79-7"}, nil},
		{"Phenylacetone 5 L", "Assay: 99.0% P2P, GC report.", []string{"103-79-7"}, nil},
		{"Phenylacetone 5 L", "Assay 99,0% P2P, GC report.", []string{"103-79-7"}, nil},
		{"Herbal energy capsules", "0% ephedrine, natural caffeine from guarana.", nil, []string{"299-42-3"}},
		{"Herbal energy capsules", "Formula with 0% ephedrine.", nil, []string{"299-42-3"}},
	})
}
