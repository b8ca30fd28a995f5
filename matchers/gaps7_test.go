package matchers

import "testing"

// Tests of the code-level gaps found on the seventh held-out set
// (testdata/heldout7; /work/notes/matcher-gaps.md, "Round 7"). Each case is
// written fresh, in other words than the held-out listing that showed the
// gap, so that the rule is tested and not the listing.

// A substance whose finished medicines are known only by name
// (medicine_names_only: potassium permanganate) is a medicine only through
// such a name: the registered topical tablets 高锰酸钾外用片 sold by a
// pharmacy are a retail medicine (policy (b), no indicator: no ticket),
// while permanganate tablets or crystals sold as the chemical stay a Table I
// chemical in any quantity.
func TestGap7MedicineByNameOnly(t *testing.T) {
	runGapCases(t, []gapCase{
		{title: "高锰酸钾外用片 0.1克 x 12片", desc: "外用消毒，湿疹坐浴，按说明书使用。", price: "¥ 5", cas: []string{"7722-64-7"}},
		{title: "高锰酸钾外用片 100盒 整箱批发", desc: "整箱出货。", price: "¥ 300", suspicious: true, cas: []string{"7722-64-7"}},
		{title: "高锰酸钾片 水处理 500克", desc: "鱼塘消毒，工业级。", price: "¥ 30", suspicious: true, cas: []string{"7722-64-7"}},
		{title: "Potassium permanganate tablets 200 ct for pond water", desc: "", price: "$12", suspicious: true, cas: []string{"7722-64-7"}},
	})
}
