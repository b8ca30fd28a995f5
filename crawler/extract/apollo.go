package extract

import (
	"slices"
	"strings"
)

// Apollo Client's normalized cache (window.__APOLLO_STATE__, or a Next.js
// page's props.pageProps.__APOLLO_STATE__ / initialApolloState) keeps each
// entity once under its cache id ("Product:41") and links to it with
// {"__ref": "Product:41"}; a query's field is stored under its name with
// its arguments (ROOT_QUERY["products({\"first\":20})"]).

// maxApolloSearch bounds how deep resolveApollo looks for a cache.
const maxApolloSearch = 8

// resolveApollo replaces, in place, the {"__ref": id} links of every Apollo
// cache in v by the entities they name, so that paths read through them
// (ROOT_QUERY.products.edges.node.seller.name). Entities that link each
// other in a cycle are left so, as a devalue payload's are: readers of
// states bound their depth.
func resolveApollo(v any, depth int) {
	if depth > maxApolloSearch {
		return
	}
	m, ok := v.(map[string]any)
	if !ok {
		return
	}
	if root, ok := m["ROOT_QUERY"].(map[string]any); ok && root != nil {
		for k, e := range m {
			m[k] = apolloLinks(e, m, 0)
		}
		return
	}
	for _, e := range m { // in place: the order does not matter
		resolveApollo(e, depth+1)
	}
}

// apolloLinks returns v with its {"__ref": id} links to entities of cache
// replaced by them, looking inside v's objects and lists but not into the
// entities it links to (each is resolved in its own turn).
func apolloLinks(v any, cache map[string]any, depth int) any {
	if depth > maxJSDepth {
		return v
	}
	switch x := v.(type) {
	case map[string]any:
		if id, ok := x["__ref"].(string); ok && len(x) == 1 {
			if e, ok := cache[id]; ok {
				return e
			}
			return v
		}
		for k, e := range x {
			x[k] = apolloLinks(e, cache, depth+1)
		}
	case []any:
		for i, e := range x {
			x[i] = apolloLinks(e, cache, depth+1)
		}
	}
	return v
}

// argKey returns m's value under a field stored with its arguments, as
// Apollo's cache keys them (`products({"first":20})`, or `products:{…}`
// under keyArgs), for the path segment naming the field alone: the first
// such key in order.
func argKey(m map[string]any, seg string) (any, bool) {
	if seg == "" || strings.ContainsAny(seg, "(:") {
		return nil, false
	}
	var keys []string
	for k := range m {
		if rest, ok := strings.CutPrefix(k, seg); ok && (strings.HasPrefix(rest, "(") && strings.HasSuffix(rest, ")") || strings.HasPrefix(rest, ":{")) {
			keys = append(keys, k)
		}
	}
	if len(keys) == 0 {
		return nil, false
	}
	slices.Sort(keys)
	return m[keys[0]], true
}
