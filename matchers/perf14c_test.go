package matchers

import (
	"reflect"
	"testing"
	"unsafe"
)

// evaluationResetRef is evaluation.reset before session 14's perf14c: one
// composite literal.
func evaluationResetRef(ev *evaluation) {
	*ev = evaluation{ambMemo: ev.ambMemo[:0], ambBuf: ev.ambBuf[:0], aggs: ev.aggs[:0], explain: ev.explain[:0],
		subs: ev.subs[:0], inds: ev.inds[:0], lower: ev.lower[:0], msgKeys: ev.msgKeys, chem: ev.chem[:0], unamb: ev.unamb[:0], ambHits: ev.ambHits[:0], ambPats: ev.ambPats[:0], paper: ev.paper[:0], pack: ev.pack[:0], lics: ev.lics[:0], cands: ev.cands[:0], react: ev.react[:0], casSubs: ev.casSubs[:0], subAt: ev.subAt[:0], subLo: ev.subLo[:0],
		mentions: ev.mentions[:0], hits: ev.hits[:0], indicators: ev.indicators[:0], indOrder: ev.indOrder[:0],
		observ: ev.observ[:0], obsField: ev.obsField[:0], nonOffer: ev.nonOffer[:0], ambDropped: ev.ambDropped[:0],
		newsPats: ev.newsPats[:0], offerPats: ev.offerPats[:0], bonusNoun: ev.bonusNoun[:0]}
}

// fillValue sets v (settable) to a non-zero value of its type: slices of
// one element, non-nil maps, true, 1, "x"; arrays and structs field by field.
func fillValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Slice:
		s := reflect.MakeSlice(v.Type(), 1, 3)
		fillValue(s.Index(0))
		v.Set(s)
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
	case reflect.Bool:
		v.SetBool(true)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(1)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(1)
	case reflect.String:
		v.SetString("x")
	case reflect.Array:
		for i := 0; i < v.Len(); i++ {
			fillValue(v.Index(i))
		}
	case reflect.Struct:
		for i := 0; i < v.NumField(); i++ {
			f := v.Field(i)
			fillValue(reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem())
		}
	}
}

// TestEvaluationResetSame fills every field of an evaluation and checks
// that reset leaves the same value as the composite literal it replaces
// (a field forgotten or kept by mistake differs), and that each kept
// buffer keeps its backing array.
func TestEvaluationResetSame(t *testing.T) {
	var a, b evaluation
	fillValue(reflect.ValueOf(&a).Elem())
	b = a
	a.reset()
	evaluationResetRef(&b)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("reset differs from the reference:\n got %+v\nwant %+v", a, b)
	}
	va, vb := reflect.ValueOf(&a).Elem(), reflect.ValueOf(&b).Elem()
	for i := 0; i < va.NumField(); i++ {
		fa, fb := va.Field(i), vb.Field(i)
		if fa.Kind() == reflect.Slice && (fa.Cap() != fb.Cap() || fa.Pointer() != fb.Pointer()) {
			t.Errorf("field %s: buffer not kept alike", va.Type().Field(i).Name)
		}
	}
}
