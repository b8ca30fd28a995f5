package matchers

import "sort"

// automaton is an Aho-Corasick automaton compiled to a dense DFA over bytes
// with byte equivalence classes: one table lookup per input byte. Transition
// values are premultiplied row offsets; the high bit marks states that end at
// least one pattern. It is immutable after build and safe for concurrent use.
type automaton struct {
	class    [256]uint8
	nclass   uint32
	trans    []uint32
	outStart []int32 // per state: outs[outStart[s]:outStart[s+1]]
	outs     []int32 // pattern ids
	plen     []int32 // pattern lengths in bytes
	nstates  int
}

const matchFlag = 1 << 31

// rawHit is a pattern occurrence: pattern id and end offset.
type rawHit struct {
	pat int32
	end int32
}

// buildAutomaton compiles patterns (non-empty byte strings) into a DFA.
func buildAutomaton(patterns [][]byte) *automaton {
	a := &automaton{}
	// Byte classes: each byte used by a pattern gets its own class; the
	// rest share class 0.
	var used [256]bool
	for _, p := range patterns {
		for _, b := range p {
			used[b] = true
		}
	}
	nc := 1
	for b := 0; b < 256; b++ {
		if used[b] {
			a.class[b] = uint8(nc)
			nc++
		}
	}
	if nc > 256 {
		// Every byte value used: fall back to the identity (class 0 is then
		// unused but harmless) with 256 classes.
		for b := 0; b < 256; b++ {
			a.class[b] = uint8(b)
		}
		nc = 256
	}
	a.nclass = uint32(nc)
	// Trie with sparse children.
	type node struct {
		next map[uint8]int32
		out  []int32
	}
	nodes := []node{{}}
	for id, p := range patterns {
		s := int32(0)
		for _, b := range p {
			c := a.class[b]
			if nodes[s].next == nil {
				nodes[s].next = map[uint8]int32{}
			}
			nx, ok := nodes[s].next[c]
			if !ok {
				nx = int32(len(nodes))
				nodes = append(nodes, node{})
				nodes[s].next[c] = nx
			}
			s = nx
		}
		nodes[s].out = append(nodes[s].out, int32(id))
		a.plen = append(a.plen, int32(len(p)))
	}
	for len(a.plen) < len(patterns) {
		a.plen = append(a.plen, 0)
	}
	n := len(nodes)
	a.nstates = n
	fail := make([]int32, n)
	trans := make([]int32, n*nc) // state ids, not premultiplied, while building
	outs := make([][]int32, n)
	// BFS.
	queue := make([]int32, 0, n)
	for c := 0; c < nc; c++ {
		if nx, ok := nodes[0].next[uint8(c)]; ok {
			trans[c] = nx
			fail[nx] = 0
			queue = append(queue, nx)
		}
	}
	outs[0] = nodes[0].out
	for qi := 0; qi < len(queue); qi++ {
		s := queue[qi]
		f := fail[s]
		own := nodes[s].out
		if len(outs[f]) > 0 {
			merged := make([]int32, 0, len(own)+len(outs[f]))
			merged = append(merged, own...)
			merged = append(merged, outs[f]...)
			outs[s] = merged
		} else {
			outs[s] = own
		}
		row := int(s) * nc
		frow := int(f) * nc
		for c := 0; c < nc; c++ {
			if nx, ok := nodes[s].next[uint8(c)]; ok {
				trans[row+c] = nx
				fail[nx] = trans[frow+c]
				queue = append(queue, nx)
			} else {
				trans[row+c] = trans[frow+c]
			}
		}
		nodes[s].next = nil
	}
	// Flatten outputs and premultiply.
	a.outStart = make([]int32, n+1)
	for s := 0; s < n; s++ {
		a.outStart[s] = int32(len(a.outs))
		o := outs[s]
		sort.Slice(o, func(i, j int) bool { return o[i] < o[j] })
		a.outs = append(a.outs, o...)
	}
	a.outStart[n] = int32(len(a.outs))
	a.trans = make([]uint32, n*nc)
	for i, t := range trans {
		v := uint32(t) * uint32(nc)
		if a.outStart[t+1] > a.outStart[t] {
			v |= matchFlag
		}
		a.trans[i] = v
	}
	return a
}

// scan appends every occurrence of every pattern in text to hits.
func (a *automaton) scan(text []byte, hits []rawHit) []rawHit {
	trans, class := a.trans, &a.class
	s := uint32(0)
	for i := 0; i < len(text); i++ {
		s = trans[s+uint32(class[text[i]])]
		if s&matchFlag != 0 {
			s &^= matchFlag
			st := s / a.nclass
			for _, p := range a.outs[a.outStart[st]:a.outStart[st+1]] {
				hits = append(hits, rawHit{pat: p, end: int32(i + 1)})
			}
		}
	}
	return hits
}

// memBytes is the size of the compiled tables.
func (a *automaton) memBytes() int {
	return len(a.trans)*4 + len(a.outStart)*4 + len(a.outs)*4 + len(a.plen)*4 + 256
}
