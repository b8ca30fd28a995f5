package matchers

// automaton is an Aho-Corasick automaton over bytes with byte equivalence
// classes, stored as a hybrid: the states near the root (depth <= denseDepth,
// where scanning spends nearly all its time) have dense DFA rows with every
// failure transition resolved, so they cost one table lookup per byte; the
// deep states keep only their own children and a failure link, which keeps
// the compiled watchlist small. It is immutable after build and safe for
// concurrent use.
type automaton struct {
	class  [256]uint8
	nclass int32
	ndense int32   // states [0, ndense) are dense
	dtrans []int32 // dense rows: dtrans[s*nclass+c]
	// Sparse states: children of s are cclass/cnext[cstart[s]:cstart[s+1]].
	cstart   []int32
	cclass   []uint8
	cnext    []int32
	fail     []int32
	hasOut   []bool
	outStart []int32 // per state: outs[outStart[s]:outStart[s+1]]
	outs     []int32 // pattern ids
	plen     []int32 // pattern lengths in bytes
	nstates  int
}

// denseDepth is the depth up to which states get dense rows.
const denseDepth = 3

// rawHit is a pattern occurrence: pattern id and end offset.
type rawHit struct {
	pat int32
	end int32
}

type trieNode struct {
	cls   []uint8
	next  []int32
	out   []int32
	depth int32
}

func (n *trieNode) child(c uint8) int32 {
	for i, x := range n.cls {
		if x == c {
			return n.next[i]
		}
	}
	return -1
}

// buildAutomaton compiles patterns (non-empty byte strings) into an
// automaton.
func buildAutomaton(patterns [][]byte) *automaton {
	a := &automaton{}
	var used [256]bool
	for _, p := range patterns {
		for _, b := range p {
			used[b] = true
		}
	}
	nc := 1
	for b := 0; b < 256; b++ {
		if used[b] && nc < 256 {
			a.class[b] = uint8(nc)
			nc++
		}
	}
	if nc >= 256 {
		for b := 0; b < 256; b++ {
			a.class[b] = uint8(b)
		}
		nc = 256
	}
	a.nclass = int32(nc)
	// Trie.
	nodes := []trieNode{{}}
	for id, p := range patterns {
		s := int32(0)
		for _, b := range p {
			c := a.class[b]
			nx := nodes[s].child(c)
			if nx < 0 {
				nx = int32(len(nodes))
				nodes = append(nodes, trieNode{depth: nodes[s].depth + 1})
				nodes[s].cls = append(nodes[s].cls, c)
				nodes[s].next = append(nodes[s].next, nx)
			}
			s = nx
		}
		nodes[s].out = append(nodes[s].out, int32(id))
		a.plen = append(a.plen, int32(len(p)))
	}
	// Renumber in BFS order so that shallow (dense) states come first.
	n := len(nodes)
	order := make([]int32, 0, n)
	order = append(order, 0)
	for qi := 0; qi < len(order); qi++ {
		order = append(order, nodes[order[qi]].next...)
	}
	newID := make([]int32, n)
	for i, old := range order {
		newID[old] = int32(i)
	}
	ns := make([]trieNode, n)
	for i, old := range order {
		nd := nodes[old]
		for j := range nd.next {
			nd.next[j] = newID[nd.next[j]]
		}
		ns[i] = nd
	}
	nodes = ns
	a.nstates = n
	ndense := 0
	for ndense < n && nodes[ndense].depth <= denseDepth {
		ndense++
	}
	a.ndense = int32(ndense)
	a.fail = make([]int32, n)
	a.dtrans = make([]int32, ndense*nc)
	a.hasOut = make([]bool, n)
	outs := make([][]int32, n)
	// g is the goto function on already-built states.
	var g func(s int32, c uint8) int32
	g = func(s int32, c uint8) int32 {
		for {
			if s < a.ndense {
				return a.dtrans[int(s)*nc+int(c)]
			}
			if nx := nodes[s].child(c); nx >= 0 {
				return nx
			}
			s = a.fail[s]
		}
	}
	for s := int32(0); s < int32(n); s++ {
		nd := &nodes[s]
		if s != 0 {
			outs[s] = nd.out
			if fo := outs[a.fail[s]]; len(fo) > 0 {
				merged := make([]int32, 0, len(nd.out)+len(fo))
				merged = append(merged, nd.out...)
				outs[s] = append(merged, fo...)
			}
		} else {
			outs[0] = nd.out
		}
		// Failure links of the children.
		for j, c := range nd.cls {
			child := nd.next[j]
			if s == 0 {
				a.fail[child] = 0
			} else {
				a.fail[child] = g(a.fail[s], c)
			}
		}
		if s < a.ndense {
			row := int(s) * nc
			for c := 0; c < nc; c++ {
				if nx := nd.child(uint8(c)); nx >= 0 {
					a.dtrans[row+c] = nx
				} else if s == 0 {
					a.dtrans[row+c] = 0
				} else {
					a.dtrans[row+c] = a.dtrans[int(a.fail[s])*nc+c]
				}
			}
		}
	}
	// Sparse children and outputs, flattened.
	a.cstart = make([]int32, n+1)
	a.outStart = make([]int32, n+1)
	for s := 0; s < n; s++ {
		a.cstart[s] = int32(len(a.cclass))
		if s >= ndense {
			a.cclass = append(a.cclass, nodes[s].cls...)
			a.cnext = append(a.cnext, nodes[s].next...)
		}
		a.outStart[s] = int32(len(a.outs))
		a.outs = append(a.outs, outs[s]...)
		a.hasOut[s] = len(outs[s]) > 0
	}
	a.cstart[n] = int32(len(a.cclass))
	a.outStart[n] = int32(len(a.outs))
	// Flag the transitions into states with outputs, so that scanning
	// learns it from the value it already loaded.
	for i, nx := range a.dtrans {
		if a.hasOut[nx] {
			a.dtrans[i] = nx | outFlag
		}
	}
	for i, nx := range a.cnext {
		if a.hasOut[nx] {
			a.cnext[i] = nx | outFlag
		}
	}
	return a
}

// outFlag marks a transition (dtrans, cnext) into a state with outputs;
// fail links are never flagged.
const outFlag = -1 << 31

// stateOf strips the output flag from a transition.
func stateOf(t int32) int32 { return t &^ outFlag }

// scan appends every occurrence of every pattern in text to hits.
func (a *automaton) scan(text []byte, hits []rawHit) []rawHit {
	dtrans, class, nc, ndense := a.dtrans, &a.class, a.nclass, a.ndense
	outStart, outs := a.outStart, a.outs
	s := int32(0)
	for i, b := range text {
		c := int32(class[b])
		if s < ndense {
			// The common case: one lookup.
			s = dtrans[s*nc+c]
		} else {
			s = a.sparseNext(s, uint8(c))
		}
		if s < 0 {
			s = stateOf(s)
			for _, p := range outs[outStart[s]:outStart[s+1]] {
				hits = append(hits, rawHit{pat: p, end: int32(i + 1)})
			}
		}
	}
	return hits
}

// sparseNext is the transition from a sparse state: its own children, else
// the failure links down to a dense state.
func (a *automaton) sparseNext(s int32, c uint8) int32 {
	for s >= a.ndense {
		for k := a.cstart[s]; k < a.cstart[s+1]; k++ {
			if a.cclass[k] == c {
				return a.cnext[k]
			}
		}
		s = a.fail[s]
	}
	return a.dtrans[s*a.nclass+int32(c)]
}

// memBytes is the size of the compiled tables.
func (a *automaton) memBytes() int {
	return len(a.dtrans)*4 + len(a.cstart)*4 + len(a.cclass) + len(a.cnext)*4 + len(a.fail)*4 +
		len(a.hasOut) + len(a.outStart)*4 + len(a.outs)*4 + len(a.plen)*4 + 256
}
