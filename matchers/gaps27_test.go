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

// TestGap27SubstituentVariants: the longest-name rule across hyphen,
// space and leetspeak variants. "4-anilino-piperidine" and "4-anilino
// piperidine" are 4-AP, not piperidine (heldout27 f0125); a leetspeak
// substituent ("2-br0m0-4-methylpr0pi0phen0ne", "chl0r0") makes the
// reagent name after it another compound (heldout27 f0106); a substituent
// with its own locant glued by a hyphen ("2-methyl-piperidine") names
// another compound than a Table II substance.
func TestGap27SubstituentVariants(t *testing.T) {
	runCAS(t, []casCase{
		{"4 - A P  powder", "4-A-P (4-anilino-piperidine) CAS# 23056 29 3, Mexico pass customs", []string{"23056-29-3"}, []string{"110-89-4"}},
		{"4-anilino piperidine 1 kg", "Wickr: x27", []string{"23056-29-3"}, []string{"110-89-4"}},
		{"4-Anilino-Piperidin 1 kg", "Lieferung EU", []string{"23056-29-3"}, []string{"110-89-4"}},
		{"1-boc-4-anilino-piperidine 500 g", "Telegram", []string{"125541-22-2"}, []string{"110-89-4", "23056-29-3"}},
		{"2-methyl-piperidine 99%", "Reagent grade.", nil, []string{"110-89-4"}},
		{"2-br0m0-4-methylpr0pi0phen0ne", "2-br0m0-4-methylpr0pi0phen0ne 1451-82-7, Russia safe", []string{"1451-82-7"}, []string{"5337-93-9"}},
		{"2-Br0m0-4'-methylpropiophenone 1 kg", "CAS 1451-82-7", []string{"1451-82-7"}, []string{"5337-93-9"}},
		{"2-chl0r0-4-methylpropiophenone", "stock", nil, []string{"5337-93-9"}},
		// The plain names stay.
		{"Piperidine 99%, 25 L", "Telegram only", []string{"110-89-4"}, nil},
		{"4-methylpropiophenone 1 kg", "Telegram only", []string{"5337-93-9"}, nil},
	})
}

// TestGap27SlangCAS: a CAS number right after family slang says which
// derivative the slang means: "new BMK oil 80532-66-7" is the methyl
// glycidate (the reference's trade name), not DEPAPD, under which the
// watchlist lists "new BMK oil" (heldout27 f0155). Slang with DEPAPD's own
// CAS stays DEPAPD; slang without a CAS is the reference's owner, the
// methyl glycidate (round fixdocs11, TestGapDocs11NewBMKOil).
func TestGap27SlangCAS(t *testing.T) {
	runCAS(t, []casCase{
		{"new BMK oil 80532-66-7 (BMK methyl glycidate) Kazakhstan/Russia stock", "BMK methyl glycidate, new bmk oil, CAS 80532-66-7. Oil to P2P yield 75-80%.", []string{"80532-66-7"}, []string{"20320-59-6"}},
		{"new bmk oil, CAS 41232-97-7", "5 L in stock, Threema", []string{"41232-97-7"}, []string{"20320-59-6"}},
		{"New BMK oil CAS No.: 80532-66-7", "door to door", []string{"80532-66-7"}, []string{"20320-59-6"}},
		// DEPAPD stays with its own CAS.
		{"new BMK oil 20320-59-6", "1 kg", []string{"20320-59-6"}, []string{"80532-66-7"}},
		// Bare slang: the reference's owner.
		{"new BMK oil, ethyl ester", "1 L", []string{"80532-66-7"}, []string{"20320-59-6"}},
	})
}

// TestGap27TradeNameSlang: the reference's vendor trade names of the
// glycidates ("BMK powder", "new BMK", "PMK powder", "new PMK oil") in
// other languages, word orders and misspellings: with a derivative named
// in the listing, the bare BMK/PMK inside the slang is no mention of
// P-2-P or PMK (heldout27 f0083, f0129, f0156, f0158, f0173, f0180).
// "BMK oil" stays P-2-P and "PMK oil" PMK unless the listing names PMK
// ethyl glycidate, whose trade name it is too (round 39), and the slang
// alone keeps its parent.
func TestGap27TradeNameSlang(t *testing.T) {
	runCAS(t, []casCase{
		{"PMK Pulver (PMK-Methylglycidat) ab Lager Deutschland", "PMK-Methylglycidat 99%, Threema", []string{"13605-48-6"}, []string{"4676-39-5"}},
		{"Nieuwe PMK olie (PMK-ethylglycidaat) 5 L", "Nieuwe PMK olie, CAS 28578-16-7, Wickr.", []string{"28578-16-7"}, []string{"4676-39-5"}},
		{"BMK/PMK new stock 现货 / склад EU", "New BMK powder 5449-12-7 and new PMK oil 28578-16-7 现货", []string{"25547-51-7", "28578-16-7"}, []string{"103-79-7", "4676-39-5"}},
		{"bmk powdr best price europe", "new bmk powdr (sodium glycidate) from warehouse in Poland", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"BMK em pó novo 5449-12-7", "Novo BMK em pó, Telegram.", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"BMK порошок новый, Казахстан", "Новый BMK порошок (5449-12-7), Telegram.", []string{"25547-51-7"}, []string{"103-79-7"}},
		// Variants in no set.
		{"PMK en polvo nuevo", "PMK glicidato 13605-48-6, envío discreto", []string{"13605-48-6"}, []string{"4676-39-5"}},
		{"BMK w proszku 1 kg", "glicydan BMK, 5449-12-7, Telegram", []string{"25547-51-7"}, []string{"103-79-7"}},
		{"Yeni PMK 1 kg", "PMK etil glisidat 28578-16-7", []string{"28578-16-7"}, []string{"4676-39-5"}},
		{"PMK pwder in stock", "PMK methyl glycidate 13605-48-6", []string{"13605-48-6"}, []string{"4676-39-5"}},
		// The parent's own slang and bare slang keep the parent.
		{"BMK oil 1 L", "BMK glycidate 5449-12-7", []string{"103-79-7", "25547-51-7"}, nil},
		// Round 39: "PMK oil" is also a reference trade name of PMK ethyl
		// glycidate; beside that entry's name it means the glycidate
		// (heldout16 v0142, TestGap39SharedStreetName), beside none the parent.
		{"PMK oil 1 L", "PMK ethyl glycidate 28578-16-7", []string{"28578-16-7"}, []string{"4676-39-5"}},
		{"PMK new stock 1 kg", "Telegram @pmk27", []string{"4676-39-5"}, nil},
	})
}

// TestGap27ShipmentStopped: news that authorities stopped or intercepted
// a shipment is a report, and the messenger and crypto words it quotes
// are the reporter's (heldout27 f0092). An offer that promises to reship
// what customs stop stays an offer.
func TestGap27ShipmentStopped(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "Kazakhstan: 2-bromo-4'-methylpropiophenone shipment stopped", "Authorities stopped 1.2 t of 2-bromo-4'-methylpropiophenone ordered via Telegram and paid in USDT.", false},
		{"en", "Customs intercepted 300 kg of BMK glycidate", "The buyer had ordered it via Telegram and paid in Bitcoin.", false},
		{"de", "Sendung gestoppt: 500 kg PMK-Glycidat", "Die Ware wurde über Telegram bestellt und mit USDT bezahlt.", false},
		{"ru", "Груз остановлен: 2 тонны BMK", "Партию заказали через Telegram и оплатили USDT.", false},
		// Offers stay offers.
		{"en", "2-bromo-4'-methylpropiophenone 1 kg", "If the shipment is stopped by customs we reship free. Telegram @bk27, USDT.", true},
	})
}
