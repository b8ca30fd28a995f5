// Package matchers finds controlled drug precursors and risk indicators in
// marketplace listings.
//
// It holds the watchlist (an embedded YAML data file plus extra files of the
// same schema), a normaliser with an offset map back to the original bytes,
// one multi-pattern automaton over the normalised text for every term of
// every language, CAS-number parsing with check digits, negation and
// ambiguity context, risk indicators, observables (contacts, crypto
// addresses, URLs) and an explainable score that applies the ticket policy
// of DESIGN.md.
package matchers
