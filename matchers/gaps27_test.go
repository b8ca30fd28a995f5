package matchers

import "testing"

// TestGap27SubstitutedPiperidone: a substituent glued to the ring name of
// 4-piperidone ("1-methyl-4-piperidone", "N-ethyl-4-piperidon",
// "1-метил-4-пиперидон", "4-oxopiperidine-1-carboxylate") names another,
// unlisted compound (heldout27 f0018, f0024). The watched N-substituted
// piperidones (1-boc-4-piperidone, NPP, 1-benzyl-4-piperidone) and the
// salts of 4-piperidone itself still match.
func TestGap27SubstitutedPiperidone(t *testing.T) {
	runCAS(t, []casCase{
		{"1-Methyl-4-piperidone CAS 1445-73-4", "1-Methyl-4-piperidone 99%, DHL door to door.", nil, []string{"41661-47-6"}},
		{"Ethyl 4-oxopiperidine-1-carboxylate CAS 29976-53-2", "99%, for API synthesis.", nil, []string{"41661-47-6"}},
		{"N-Ethyl-4-piperidon 98 %", "Lieferung per Spedition.", nil, []string{"41661-47-6"}},
		{"1-метил-4-пиперидон 99%", "Доставка по СНГ.", nil, []string{"41661-47-6"}},
		{"1-metil-4-piperidona 99%", "Envío a toda Europa.", nil, []string{"41661-47-6"}},
		{"3-Methyl-4-piperidone hydrochloride", "Building block, 25 g.", nil, []string{"41661-47-6"}},
		// The watched ones and the ring itself stay.
		{"1-Boc-4-piperidone 99%", "N-Boc-4-piperidone, tert-butyl 4-oxopiperidine-1-carboxylate", []string{"79099-07-3"}, []string{"41661-47-6"}},
		{"1-(2-phenylethyl)-4-piperidone", "NPP 99%", []string{"39742-60-4"}, []string{"41661-47-6"}},
		{"4-Piperidone HCl H2O", "4-piperidone hydrochloride monohydrate 40064-34-4", []string{"41661-47-6"}, nil},
		{"4-哌啶酮盐酸盐 99%", "4-Piperidinone, Telegram", []string{"41661-47-6"}, nil},
	})
}
