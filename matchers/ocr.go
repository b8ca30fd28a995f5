package matchers

import "strings"

// ocrVariants returns the spellings of term t that optical character
// recognition makes of a printed label, leaflet or price list and that the
// normaliser does not repair (heldout54): in a name of six letters or more,
// "m" read as "rn" ("potassiurn perrnanganate"), "l" read as the digit
// "1" (kept as "1" in a word the leetspeak decoder leaves alone, "1-pheny1-",
// and decoded to "i" in one it reads, "methyi ethyi ketone"), and a capital
// "I" that starts a word read as "l" ("lodine"); in a formula, the letter
// "O" read as the digit "0" ("KMn04"). A name with up to three such
// places gets every combination, a longer one each slip alone and each
// kind of slip everywhere at once. Only names of ASCII letters, digits,
// spaces and hyphens are varied.
func ocrVariants(t string) []string {
	n := strings.TrimSpace(Normalize(t).String())
	letters, digits := 0, 0
	for i := 0; i < len(n); i++ {
		switch c := n[i]; {
		case c >= 'a' && c <= 'z':
			letters++
		case c >= '0' && c <= '9':
			digits++
		case c == ' ' || c == '-':
		default:
			return nil
		}
	}
	if len(n) > 40 {
		return nil
	}
	if letters < 6 {
		// A formula ("kmno4", "h2so4"): its letter "o" next to a digit
		// or at its end read as a zero.
		if digits == 0 || strings.ContainsAny(n, " -") || !strings.Contains(n, "o") {
			return nil
		}
		return []string{strings.ReplaceAll(n, "o", "0")}
	}
	type slip struct {
		at   int
		alts []string
	}
	var slips []slip
	for i := 0; i < len(n); i++ {
		switch n[i] {
		case 'm':
			slips = append(slips, slip{i, []string{"rn"}})
		case 'l':
			slips = append(slips, slip{i, []string{"1", "i"}})
		case 'i':
			if i == 0 || n[i-1] == ' ' || n[i-1] == '-' {
				slips = append(slips, slip{i, []string{"l"}})
			}
		}
	}
	if len(slips) == 0 {
		return nil
	}
	// apply writes n with choice[k] (0: as written, j: alts[j-1]) at slip k.
	apply := func(choice []int) string {
		var sb strings.Builder
		last := 0
		for k, sl := range slips {
			if choice[k] == 0 {
				continue
			}
			sb.WriteString(n[last:sl.at])
			sb.WriteString(sl.alts[choice[k]-1])
			last = sl.at + 1
		}
		sb.WriteString(n[last:])
		return sb.String()
	}
	var out []string
	choice := make([]int, len(slips))
	if len(slips) <= 3 {
		for {
			k := 0
			for k < len(slips) && choice[k] == len(slips[k].alts) {
				choice[k] = 0
				k++
			}
			if k == len(slips) {
				break
			}
			choice[k]++
			out = append(out, apply(choice))
		}
		return out
	}
	for k := range slips {
		for j := range slips[k].alts {
			clear(choice)
			choice[k] = j + 1
			out = append(out, apply(choice))
		}
	}
	// Each kind everywhere: m, l as 1, l as i, initial i; and m with
	// either l.
	for _, kinds := range [][2]string{{"m", ""}, {"l", "1"}, {"l", "i"}, {"i", ""}, {"ml", "1"}, {"ml", "i"}} {
		clear(choice)
		for k, sl := range slips {
			if !strings.Contains(kinds[0], n[sl.at:sl.at+1]) {
				continue
			}
			choice[k] = 1
			if n[sl.at] == 'l' && kinds[1] == "i" {
				choice[k] = 2
			}
		}
		out = append(out, apply(choice))
	}
	return out
}
