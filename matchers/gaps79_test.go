package matchers

import "testing"

// TestGap79PersianEther: "اتر دی اتیل" and "دی‌اتیل اتر" (with a
// zero-width non-joiner), the Persian names of diethyl ether (heldout79
// ye0188). Twin: "اتر نفت" (petroleum ether) is no diethyl ether.
func TestGap79PersianEther(t *testing.T) {
	const ether = "60-29-7"
	runCAS(t, []casCase{
		{"اتر دی اتیل خالص ۱ لیتر", "", []string{ether}, nil},
		{"دی‌اتیل اتر خالص ۱ لیتر", "", []string{ether}, nil},
		{"اتر نفت ۱ لیتر", "", nil, []string{ether}},
	})
}
