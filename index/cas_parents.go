package index

import (
	"github.com/blevesearch/bleve/v2/search/query"
)

// CASSubstances returns the ids of the substances a CAS number belongs to:
// the substance whose primary CAS number it is, and the parent of a salt,
// ester, isomer or hydrate with its own CAS number. The watchlist knows
// this (package matchers); cmd/precwatch passes it in, so that index does
// not import matchers.
type CASSubstances func(cas string) []string

// SetCASSubstances makes a CAS query — the cas filter, cas:N in the query
// string, and a bare CAS-shaped term — find the listings where that CAS
// number was seen and the listings of the substance it belongs to
// (5449-12-7, BMK glycidic acid sodium salt, finds every BMK glycidic acid
// listing). nil finds only listings where the number was seen. Safe for
// concurrent use with Search.
func (x *Index) SetCASSubstances(f CASSubstances) {
	if f == nil {
		x.casSubs.Store(nil)
		return
	}
	x.casSubs.Store(&f)
}

// casExpand returns q with every term on the cas field widened to that CAS
// number or its substances.
func (x *Index) casExpand(q query.Query) query.Query {
	p := x.casSubs.Load()
	if p == nil {
		return q
	}
	return expandCAS(q, *p)
}

func expandCAS(q query.Query, subs CASSubstances) query.Query {
	switch q := q.(type) {
	case *query.BooleanQuery:
		for _, p := range []*query.Query{&q.Must, &q.Should, &q.MustNot, &q.Filter} {
			if *p != nil {
				*p = expandCAS(*p, subs)
			}
		}
		return q
	case *query.ConjunctionQuery:
		for i, c := range q.Conjuncts {
			q.Conjuncts[i] = expandCAS(c, subs)
		}
		return q
	case *query.DisjunctionQuery:
		for i, c := range q.Disjuncts {
			q.Disjuncts[i] = expandCAS(c, subs)
		}
		return q
	case *query.TermQuery:
		if q.FieldVal == fCAS {
			return withSubstances(q, q.Term, q.BoostVal, subs)
		}
	case *query.MatchQuery:
		if q.FieldVal == fCAS {
			return withSubstances(q, q.Match, q.BoostVal, subs)
		}
	case *query.MatchPhraseQuery:
		if q.FieldVal == fCAS {
			return withSubstances(q, q.MatchPhrase, q.BoostVal, subs)
		}
	}
	return q
}

// withSubstances is q (a query for one CAS number) or a listing of one of
// the substances that number belongs to.
func withSubstances(q query.Query, cas string, boost *query.Boost, subs CASSubstances) query.Query {
	ids := subs(cas)
	if len(ids) == 0 {
		return q
	}
	ds := []query.Query{q}
	for _, id := range ids {
		t := query.NewTermQuery(id)
		t.SetField(fSubstance)
		ds = append(ds, t)
	}
	d := query.NewDisjunctionQuery(ds)
	d.BoostVal = boost
	return d
}
