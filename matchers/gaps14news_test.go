package matchers

import "testing"

// TestGap14SeizureNewsProbe: "police seized 500 kg of ephedrine at the
// port, two arrested" in 29 languages (session 14 probe) was an offer in
// two: Dutch, whose verb "nam … in beslag" is split around its object, and
// Arabic "ضبطت الشرطة … واعتقلت". An offer that names the police as a
// threat stays an offer.
func TestGap14SeizureNewsProbe(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"nl", "Drugsvangst in Rotterdam", "Politie nam 500 kg efedrine in beslag in de haven, twee aanhoudingen.", false},
		{"ar", "500 كغ في الميناء", "ضبطت الشرطة 500 كغ من الإيفيدرين في الميناء واعتقلت شخصين.", false},
		// Once "κιλά" and 'ק"ג' are units, Greek and Hebrew seizures need their own report words.
		{"el", "Κατάσχεση 50 κιλών εφεδρίνης", "Η ΕΛ.ΑΣ. κατάσχεσε 50 κιλά εφεδρίνης σε κοντέινερ στο λιμάνι.", false},
		{"he", `המשטרה תפסה 200 ק"ג פסאודואפדרין`, "החומר נמצא במחסן בחיפה.", false},
		{"nl", "Efedrine 500 kg", "Te koop, levering via Telegram @efe_nl, betaling in bitcoin.", true},
	})
}

// TestGap14QuantityUnitsProbe: a bulk Table I offer in 29 languages
// (session 14 probe) was read as naming the substance without offering it
// in Thai and Hebrew: their kilogram ("25 กก.", '25 ק"ג' with the Hebrew
// abbreviation's gershayim) was no unit. Greek "κιλά", Japanese "キロ" and
// Korean "킬로" are units too now. A question naming it stays no offer.
func TestGap14QuantityUnitsProbe(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"th", "ผงซูโดอีเฟดรีนไฮโดรคลอไรด์", "25 กก. เกรด USP ส่งทั่วโลก", true},
		{"he", "פסאודואפדרין הידרוכלוריד אבקה", `25 ק"ג, דרגת USP, משלוח לכל העולם.`, true},
		{"he", "פסאודואפדרין הידרוכלוריד אבקה", "25 ק״ג, דרגת USP, משלוח לכל העולם.", true},
		{"el", "Υδροχλωρική ψευδοεφεδρίνη σκόνη", "500 κιλά, ποιότητα USP.", true},
		{"ja", "プソイドエフェドリン塩酸塩 粉末", "25キロ USPグレード", true},
		{"ko", "슈도에페드린 염산염 분말", "25킬로 USP 등급", true},
		{"he", "פסאודואפדרין הידרוכלוריד", "מה זה החומר הזה? שאלה לכימאים.", false},
	})
}
