package matchers

// automaton is an Aho-Corasick automaton over bytes with byte equivalence
// classes, stored as a hybrid: the states near the root (depth <= denseDepth,
// where scanning spends nearly all its time) have dense DFA rows with every
// failure transition resolved, so they cost one table lookup per byte; the
// deep states keep only their own children and a failure link, which keeps
// the compiled watchlist small.
//
// It is anchored at word starts: a match may begin anywhere except right
// after an ASCII letter when it begins with an ASCII letter itself. Every
// pattern that begins with an ASCII letter needs a word boundary there (the
// matcher drops such hits anyway), so the automaton never follows them from
// inside a word: failure links lead only to suffixes that start at an allowed
// position, and after a letter that continues no pattern the scan is in the
// state inWord, whose row keeps it there until the word ends. (A tight loop
// that skipped the rest of the word from inWord cost more in mispredicted
// branches at every word end than the lookups it saved.)
// It is immutable after build and safe for concurrent use.
type automaton struct {
	class  [256]uint8
	nclass int32
	ndense int32 // states [0, ndense) are dense
	// Transitions are stored as codes: a dense state s as s*nclass (the
	// offset of its row, so that scanning needs no multiplication), a
	// sparse state s as ndense*nclass + s - ndense; outFlag is set on a
	// transition into a state with outputs.
	dtrans []uint32 // dense rows: dtrans[code+c], codes as uint32
	dlimit int32    // ndense*nclass: codes below are dense states
	magic  uint64   // ceil(2^32/nclass): code*magic>>32 is the dense state
	// Sparse states: sparse[code-dlimit]; their children beyond the first
	// are in cclass/cnext.
	sparse  []sparseNode
	cclass  []uint8
	cnext   []int32 // codes
	fail    []int32 // state ids, while building
	out     []int32 // per state: its pattern when it has one, else ^k (outs[k] patterns at outs[k+1:])
	outs    []int32 // the patterns of the states with more than one, each after its count (0 first, for none)
	plen    []int32 // pattern lengths in bytes
	nstates int
}

// denseDepth is the depth up to which states get dense rows.
const denseDepth = 4

// inWord is the state after an ASCII letter that continues no pattern: no
// pattern may begin before the next byte that is not an ASCII letter.
const inWord = 1

// asciiLetter marks the bytes of ASCII letters.
var asciiLetter = func() (t [256]bool) {
	for c := 'a'; c <= 'z'; c++ {
		t[c], t[c-'a'+'A'] = true, true
	}
	return
}()

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
	last  byte // the byte that leads to this node
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
	// Class 0 holds the unused bytes that are not ASCII letters, class 1
	// the unused ASCII letters (so that every class is all letters or
	// none, as the anchoring needs).
	nc := 2
	for b := 0; b < 256; b++ {
		switch {
		case used[b]:
			a.class[b] = uint8(nc)
			nc++
		case asciiLetter[b]:
			a.class[b] = 1
		}
	}
	if nc > 256 {
		panic("matchers: more than 254 distinct pattern bytes")
	}
	a.nclass = int32(nc)
	var classLetter [256]bool
	for b := 0; b < 256; b++ {
		if asciiLetter[b] {
			classLetter[a.class[b]] = true
		}
	}
	// Trie.
	nodes := []trieNode{{}}
	for id, p := range patterns {
		s := int32(0)
		for _, b := range p {
			c := a.class[b]
			nx := nodes[s].child(c)
			if nx < 0 {
				nx = int32(len(nodes))
				nodes = append(nodes, trieNode{depth: nodes[s].depth + 1, last: b})
				nodes[s].cls = append(nodes[s].cls, c)
				nodes[s].next = append(nodes[s].next, nx)
			}
			s = nx
		}
		nodes[s].out = append(nodes[s].out, int32(id))
		a.plen = append(a.plen, int32(len(p)))
	}
	// Renumber in BFS order so that shallow (dense) states come first,
	// with the state inWord (no children) right after the root.
	order := make([]int32, 0, len(nodes)+1)
	order = append(order, 0, -1)
	for qi := 0; qi < len(order); qi++ {
		if order[qi] >= 0 {
			order = append(order, nodes[order[qi]].next...)
		}
	}
	n := len(order)
	newID := make([]int32, len(nodes))
	for i, old := range order {
		if old >= 0 {
			newID[old] = int32(i)
		}
	}
	ns := make([]trieNode, n)
	for i, old := range order {
		if old < 0 {
			continue
		}
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
	dt := make([]int32, ndense*nc) // state ids, while building
	outs := make([][]int32, n)
	// g is the goto function on already-built states.
	var g func(s int32, c uint8) int32
	g = func(s int32, c uint8) int32 {
		for {
			if s < a.ndense {
				return dt[int(s)*nc+int(c)]
			}
			if nx := nodes[s].child(c); nx >= 0 {
				return nx
			}
			s = a.fail[s]
		}
	}
	// root returns the end of the failure chain of a node whose last byte
	// is b.
	root := func(b byte) int32 {
		if asciiLetter[b] {
			return inWord
		}
		return 0
	}
	for s := int32(0); s < int32(n); s++ {
		nd := &nodes[s]
		if s == inWord {
			row := inWord * nc
			for c := 0; c < nc; c++ {
				if c == 1 || classLetter[c] {
					dt[row+c] = inWord
				} else {
					dt[row+c] = dt[c]
				}
			}
			continue
		}
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
				a.fail[child] = root(nodes[child].last)
			} else {
				a.fail[child] = g(a.fail[s], c)
			}
		}
		if s < a.ndense {
			row := int(s) * nc
			for c := 0; c < nc; c++ {
				if nx := nd.child(uint8(c)); nx >= 0 {
					dt[row+c] = nx
				} else if s == 0 {
					dt[row+c] = 0
					if c == 1 || classLetter[c] {
						dt[row+c] = inWord
					}
				} else {
					dt[row+c] = dt[int(a.fail[s])*nc+c]
				}
			}
		}
	}
	// The sparse states are renumbered in depth-first order, so that a
	// chain of single children (the tail of a long term) lies in
	// consecutive records: walking it reads memory in sequence.
	newID = make([]int32, n)
	for s := range newID {
		newID[s] = int32(s)
	}
	next := int32(ndense)
	var stack []int32
	for s := 0; s < ndense; s++ {
		for _, ch := range nodes[s].next {
			if ch < int32(ndense) {
				continue
			}
			stack = append(stack[:0], ch)
			for len(stack) > 0 {
				x := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				newID[x] = next
				next++
				kids := nodes[x].next
				for k := len(kids) - 1; k >= 0; k-- {
					stack = append(stack, kids[k])
				}
			}
		}
	}
	old := make([]int32, n) // old[newID[s]] = s
	for s, ns := range newID {
		old[ns] = int32(s)
	}
	// Outputs, in the new order.
	// outs starts with the count of the states without outputs: none.
	a.out = make([]int32, n)
	hasOut := make([]bool, n) // while building: the flag goes into the codes
	a.outs = []int32{0}
	for ns := 0; ns < n; ns++ {
		o := outs[old[ns]]
		hasOut[ns] = len(o) > 0
		switch len(o) {
		case 0:
			a.out[ns] = ^0
		case 1:
			a.out[ns] = o[0]
		default:
			a.out[ns] = ^int32(len(a.outs))
			a.outs = append(a.outs, int32(len(o)))
			a.outs = append(a.outs, o...)
		}
	}
	// Codes, and the output flag on the transitions into states with
	// outputs, so that scanning learns it from the value it already loaded.
	a.dlimit = int32(ndense) * int32(nc)
	a.magic = (1<<32 + uint64(nc) - 1) / uint64(nc)
	code := func(s int32) int32 { // s: an old (BFS) state id
		ns := newID[s]
		if ns < int32(ndense) {
			return ns * int32(nc)
		}
		return a.dlimit + ns - int32(ndense)
	}
	flagged := func(s int32) int32 {
		if hasOut[newID[s]] {
			return code(s) | outFlag
		}
		return code(s)
	}
	a.dtrans = make([]uint32, len(dt))
	for i, nx := range dt {
		a.dtrans[i] = uint32(flagged(nx))
	}
	// Sparse records, in the new order.
	a.sparse = make([]sparseNode, n-ndense)
	for ns := ndense; ns < n; ns++ {
		s := old[ns]
		nd := &nodes[s]
		r := sparseNode{fail: code(a.fail[s]), n: uint16(len(nd.cls))}
		if len(nd.cls) > 0 {
			r.cls, r.next = nd.cls[0], flagged(nd.next[0])
			r.more = int32(len(a.cclass))
			for k := 1; k < len(nd.cls); k++ {
				a.cclass = append(a.cclass, nd.cls[k])
				a.cnext = append(a.cnext, flagged(nd.next[k]))
			}
		}
		a.sparse[ns-ndense] = r
	}
	a.fail = nil
	return a
}

// sparseNode is a sparse state: its first child inline (most deep states
// have one), the others in cclass/cnext[more:more+n-1], and its failure
// link; codes throughout.
type sparseNode struct {
	next, fail, more int32
	n                uint16
	cls              uint8
}

// outFlag marks a transition (dtrans, cnext) into a state with outputs;
// fail links are never flagged.
const outFlag = -1 << 31

// state returns the state of a code (without the output flag).
func (a *automaton) state(code int32) int32 {
	if code < a.dlimit {
		return int32(uint64(code) * a.magic >> 32)
	}
	return code - a.dlimit + a.ndense
}

// scan appends every occurrence of every pattern in text to hits.
func (a *automaton) scan(text []byte, hits []rawHit) []rawHit {
	_, hits = a.scanFrom(text, 0, 0, hits)
	return hits
}

// scanFrom goes on with a scan of text that has reached text[i] in the
// state with code s (dense or sparse, without the output flag): it appends
// the occurrences that end in text[i:] and returns the state at the end.
func (a *automaton) scanFrom(text []byte, i int, s uint32, hits []rawHit) (uint32, []rawHit) {
	sc := scanState{hits: hits, i: i, s: s}
	a.scanOn(text, &sc)
	return sc.s, sc.hits
}

// scanState is where a scan stands: it has reached text[i] in the state
// with code s (dense or sparse, without the output flag), and the hits so
// far.
type scanState struct {
	hits []rawHit
	i    int
	s    uint32
}

// scanOn goes on with the scan sc of text up to its end: it appends the
// occurrences that end in text[sc.i:] to sc.hits and leaves sc at the end
// of text. The normaliser calls it after each word it writes (resetScan):
// the state passed by pointer makes that call cheap (one argument, no
// results; the hits are loaded and stored only where a hit is appended).
//
// The loop is split so that its common case (a dense state to a dense
// state without outputs) has few live values and no calls: the Go compiler
// then keeps them in registers. A transition into a sparse state or into a
// state with outputs leaves it for the slower path.
func (a *automaton) scanOn(text []byte, sc *scanState) {
	i, s := sc.i, sc.s
	if int32(s) >= a.dlimit && i < len(text) {
		// Paused in a sparse state: settle to a dense one first.
		t := a.sparseNext(int32(s), int32(a.class[text[i]]))
		i++
		for {
			if t < 0 {
				t &^= outFlag
				if n := len(sc.hits); n < cap(sc.hits) {
					if p := a.out[a.state(t)]; p >= 0 {
						sc.hits = sc.hits[:n+1]
						sc.hits[n] = rawHit{pat: p, end: int32(i)}
						goto settled
					}
				}
				sc.hits = a.appendOutputs(sc.hits, t, int32(i))
			settled:
			}
			if t < a.dlimit || i == len(text) {
				break
			}
			t = a.sparseNext(t, int32(a.class[text[i]]))
			i++
		}
		s = uint32(t)
	}
	dtrans, class, dlimit := a.dtrans, &a.class, uint(a.dlimit)
	// st and t are uints: the load of a uint32 zero-extends for free, where
	// an int32 code would cost a sign extension on the chain of dependent
	// lookups that bounds the loop. The loop's test is unsigned so that it
	// also proves text[i] in bounds: no bounds check on the chain.
	st := uint(s) // a dense state's code, without the output flag
	for uint(i) < uint(len(text)) {
		t := uint(dtrans[st+uint(class[text[i]])])
		i++
		if t < dlimit {
			st = t
			continue
		}
		t32 := int32(t)
		for {
			if t32 < 0 {
				t32 &^= outFlag
				// One pattern and room for it, as nearly always: in
				// line (the call costs more than the append).
				if n := len(sc.hits); n < cap(sc.hits) {
					if p := a.out[a.state(t32)]; p >= 0 {
						sc.hits = sc.hits[:n+1]
						sc.hits[n] = rawHit{pat: p, end: int32(i)}
						goto appended
					}
				}
				sc.hits = a.appendOutputs(sc.hits, t32, int32(i))
			appended:
			}
			if t32 < a.dlimit {
				break
			}
			if i == len(text) {
				sc.i, sc.s = i, uint32(t32)
				return
			}
			t32 = a.sparseNext(t32, int32(class[text[i]]))
			i++
		}
		st = uint(t32)
	}
	sc.i, sc.s = i, uint32(st)
}

// appendOutputs appends the patterns of the state with code t as hits
// that end at end.
//
//go:noinline
func (a *automaton) appendOutputs(hits []rawHit, t, end int32) []rawHit {
	o := a.out[a.state(t)]
	if o >= 0 {
		return append(hits, rawHit{pat: o, end: end})
	}
	k := ^o
	for _, p := range a.outs[k+1 : k+1+a.outs[k]] {
		hits = append(hits, rawHit{pat: p, end: end})
	}
	return hits
}

// sparseNext is the transition from a sparse state (code s): its own
// children, else the failure links down to a dense state.
func (a *automaton) sparseNext(s, c int32) int32 {
	for s >= a.dlimit {
		nd := &a.sparse[s-a.dlimit]
		if nd.n > 0 {
			if int32(nd.cls) == c {
				return nd.next
			}
			for k := nd.more; k < nd.more+int32(nd.n)-1; k++ {
				if int32(a.cclass[k]) == c {
					return a.cnext[k]
				}
			}
		}
		s = nd.fail
	}
	return int32(a.dtrans[s+c])
}

// memBytes is the size of the compiled tables.
func (a *automaton) memBytes() int {
	return len(a.dtrans)*4 + len(a.sparse)*16 + len(a.cclass) + len(a.cnext)*4 +
		len(a.out)*4 + len(a.outs)*4 + len(a.plen)*4 + 256
}
