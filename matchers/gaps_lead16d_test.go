package matchers

import "testing"

// TestGapLead16VacuumSmellProof: vacuum-sealed and smell-proof packing (the
// English "vacuum sealed" and "smell-proof" were stealth packaging) in the
// languages a probe of one sentence in 22 languages found missing; a glass
// ampoule sealed under vacuum and a spill-proof bottle are not.
func TestGapLead16VacuumSmellProof(t *testing.T) {
	runIndCases(t, []indCase{
		{"Tolueno 99 % 5 L", "Envasado al vacío, a prueba de olores.", "stealth-packaging", true},
		{"Toluene 99% 5 L", "Sottovuoto, a prova di odore.", "stealth-packaging", true},
		{"Tolueno 99% 5 L", "Embalado a vácuo, à prova de cheiro.", "stealth-packaging", true},
		{"Toluen 99 % 5 l", "Vakuově baleno.", "stealth-packaging", true},
		{"トルエン 99% 5L", "真空パック、防臭梱包。", "stealth-packaging", true},
		{"톨루엔 99% 5L", "진공 포장, 냄새 차단 포장.", "stealth-packaging", true},
		{"Толуен 99 % 5 л", "Вакуумне пакування.", "stealth-packaging", true},
		{"Toluena 99% 5 L", "Dikemas vakum, anti bau.", "stealth-packaging", true},
		{"Τολουόλιο 99% 5 L", "Συσκευασία κενού.", "stealth-packaging", true},
		{"تولوين 99٪ 5 لتر", "تغليف مفرغ من الهواء، مانع للرائحة.", "stealth-packaging", true},
		{"Toluen 99% 5 L", "Ambalat în vid, anti-miros.", "stealth-packaging", true},
		{"Toluen 99% 5 L", "Đóng gói hút chân không, chống mùi.", "stealth-packaging", true},
		{"Ampolla de vidrio sellada al vacío", "Toluene 99% 5 mL", "stealth-packaging", false},
		{"Acetona 1 L", "Olor suave, a prueba de derrames.", "stealth-packaging", false},
	})
}
