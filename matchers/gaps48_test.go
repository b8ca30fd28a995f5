package matchers

import "testing"

// TestGap48NewPMKPowderZh: "新PMK粉末" is the reference's "new PMK powder",
// a trade name of PMK methyl glycidate (heldout48 zq0059), and not the
// ethyl ester's "新PMK" (new PMK oil) that it begins with. "新PMK" and
// "新PMK油" alone stay the ethyl ester.
func TestGap48NewPMKPowderZh(t *testing.T) {
	const methyl, ethyl = "13605-48-6", "28578-16-7"
	runCAS(t, []casCase{
		{"PMK甲基缩水甘油酸酯 CAS 13605-48-6", "新PMK粉末，高纯度，可发荷兰。", []string{methyl}, []string{ethyl}},
		{"新PMK粉末 1kg", "高纯度，现货。", []string{methyl}, []string{ethyl}},
		{"新PMK粉 1kg", "高纯度，现货。", []string{methyl}, []string{ethyl}},
		{"新PMK油 1kg", "高纯度，现货。", []string{ethyl}, []string{methyl}},
		{"新PMK 1kg", "高纯度，现货。", []string{ethyl}, []string{methyl}},
	})
}
