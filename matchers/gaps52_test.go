package matchers

import "testing"

// Round fix52: the gaps of held-out set 52 (Southeast Asian and Pacific
// marketplaces; see testdata/heldout52/README.md and WATCHLIST-NOTES.md
// § 54).

// TestGap52TagalogSeizureNews: Philippine seizure news in Tagalog
// ("Nasabat ng PDEA ang 1.2 tonelada ng shabu … Nakita rin ang 40 sako ng
// ephedrine", heldout52 zu0008) reports a find: "nasabat" (seized,
// intercepted), "kinumpiska", "sinalakay" (raided) and the arrest verbs are
// the reporter's, and PDEA counts as an authority beside them. A Tagalog
// offer with the same quantities stays an offer, and "PDEA licensed" alone
// makes no report.
func TestGap52TagalogSeizureNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"tl", "PDEA: 1.2 tonelada ng shabu nasabat sa Subic; ephedrine nakita rin", "Nasabat ng PDEA ang 1.2 tonelada ng shabu sa isang bodega sa Subic. Nakita rin ang 40 sako ng ephedrine na idineklara bilang 'tapioca starch'.", false},
		{"tl", "Pseudoephedrine nakumpiska sa Pampanga", "Kinumpiska ng PDEA ang 25 kilo ng pseudoephedrine sa isang bodega; tatlong suspek ang naaresto.", false},
		{"tl", "Sinalakay ang shabu lab sa Batangas", "Sinalakay ng PDEA at pulisya ang isang laboratoryo; nakita ang 200 litro ng acetone at red phosphorus. Dinakip ang dalawang Chinese national.", false},
		{"tl", "Ephedrine 40 sako, benta", "Benta ephedrine 40 sako, 25 kilo bawat isa. PM sa Telegram.", true},
		{"tl", "Pseudoephedrine powder 1 kilo - PDEA licensed daw", "Benta pseudoephedrine powder 1 kilo, may PDEA permit kuno. Message lang.", true},
	})
}

// TestGap52InterceptNews: a customs headline's "intercepts" and the
// officers who intercepted ("NZ Customs intercepts 'ice lab' kit with red
// phosphorus and iodine … declared as 'garden supplies'", heldout52
// zu0016) make a report, and the Pacific border agencies count as
// authorities; a report verb phrase that overlaps an authority's name
// ("Border Force intercepted", "NZ Customs intercepts") counts beside it.
// A seller's "reship if (customs) intercepts" is a condition, no report.
func TestGap52InterceptNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "NZ Customs intercepts 'ice lab' kit with red phosphorus and iodine", "Customs officers at Auckland intercepted a parcel holding red phosphorus, iodine and glassware declared as 'garden supplies'.", false},
		{"en", "Border Force officers intercepted 300 kg of pseudoephedrine", "The Australian Border Force said the pseudoephedrine was declared as 'rice crackers'.", false},
		{"en", "Australian Border Force intercepted 300 kg of pseudoephedrine", "The pseudoephedrine was hidden in rice cookers.", false},
		{"en", "Red phosphorus 100 g", "Declared as 'garden supplies'. Free reship if intercepted.", true},
		{"en", "Pseudoephedrine HCl 1 kg", "Stealth to NZ and Australia, reship if customs intercepts. Wickr only.", true},
	})
}

// TestGap52KhmerLaoBurmeseNews: Khmer, Lao and Burmese write words without
// spaces, as Thai does, so a term in those scripts is found inside a run of
// letters (isCJK), and their seizure verbs make a report: km "ដកហូត"
// (confiscated), "រឹបអូស" (seized), lo "ຍຶດ", my "ဖမ်းဆီး", "သိမ်းဆည်း"
// ("អាជ្ញាធរដកហូតប្រេងម្រះព្រៅ 5 តោន … ដែលគេប្រើផលិតថ្នាំ MDMA", heldout52
// zu0116: the MDMA the oil is used for is the reporter's). Offers in the
// same scripts stay offers.
func TestGap52KhmerLaoBurmeseNews(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"km", "អាជ្ញាធរដកហូតប្រេងម្រះព្រៅ 5 តោន នៅជួរភ្នំក្រវាញ", "អាជ្ញាធរបានដកហូតប្រេងម្រះព្រៅ (sassafras oil) ចំនួន 5 តោន ដែលគេប្រើផលិតថ្នាំ MDMA។", false},
		{"km", "នគរបាលរឹបអូស safrole 2 តោន", "នគរបាលបានរឹបអូសប្រេង safrole 2 តោន សម្រាប់ផលិត MDMA និងចាប់ខ្លួនជនសង្ស័យ 3 នាក់។", false},
		{"lo", "ຕຳຫຼວດຍຶດ pseudoephedrine 200 kg", "ເຈົ້າໜ້າທີ່ຕຳຫຼວດຍຶດ pseudoephedrine 200 kg ສຳລັບຜະລິດຢາບ້າ ຢູ່ແຂວງບໍ່ແກ້ວ.", false},
		{"my", "ရဲတပ်ဖွဲ့ pseudoephedrine 500 kg ဖမ်းဆီးရမိ", "ရဲတပ်ဖွဲ့သည် methamphetamine ထုတ်လုပ်ရန် pseudoephedrine 500 kg ကို သိမ်းဆည်းခဲ့သည်။", false},
		{"km", "ប្រេងម្រះព្រៅ (sassafras oil) 20 លីត្រ", "ប្រេងម្រះព្រៅ sassafras oil សុទ្ធ 20 លីត្រ សម្រាប់ផលិត MDMA។ ដឹកជញ្ជូនសម្ងាត់។", true},
		{"lo", "ອີເຟດຣີນ (ephedrine) 5 kg", "ephedrine ບໍລິສຸດ 5 kg ສົ່ງໄທ ປອດໄພ 100%. ຕິດຕໍ່ Telegram.", true},
		{"my", "pseudoephedrine 25kg drum ရောင်းမည်", "pseudoephedrine 25kg drum ရောင်းမည်။ Telegram ဆက်သွယ်ပါ။", true},
	})
}

// TestGap52SoutheastAsianMarksKept: the vowel signs, tone marks and viramas
// of Lao, Myanmar and Khmer are letters of the word, as Thai's are, and
// normalisation keeps them: folded away, "ຍຶດ" (seize) would be the two
// consonants "ຍດ" and match inside other words now that these scripts are
// matched without word boundaries (heldout52 zu0116).
func TestGap52SoutheastAsianMarksKept(t *testing.T) {
	for _, s := range []string{"ຍຶດ", "ຈັບກຸມ", "ដកហូត", "រឹបអូស", "អាជ្ញាធរ", "ဖမ်းဆီး", "သိမ်းဆည်း", "ยึด"} {
		if got := Normalize(s).String(); got != s {
			t.Errorf("Normalize(%q) = %q, want it unchanged", s, got)
		}
	}
	for _, r := range []rune{'ຍ', 'ដ', 'ဖ', 'ย'} {
		if !isCJK(r) {
			t.Errorf("isCJK(%q) = false, want true (a script without spaces between words)", r)
		}
	}
}

// TestGap52PrescriptionWording: "no need prescription" (Singlish, heldout52
// zu0062) is the no-prescription indicator like "no prescription needed";
// a pharmacy's "pesanan tanpa resep dibatalkan" (orders without a
// prescription are cancelled, zu0020) is the opposite, a requirement.
func TestGap52PrescriptionWording(t *testing.T) {
	runIndCases(t, []indCase{
		{"Pseudoephedrine 60mg tabs 10 boxes - can postage no need prescription", "Got 10 boxes pseudoephedrine 60mg, no need prescription. Can postage or meet at Jurong East.", "no-paperwork", true},
		{"Sudafed 60mg 2 boxes", "No need for a prescription, can meet at Bedok.", "no-paperwork", true},
		{"Pseudoephedrine HCl 1 kg", "No need licence, ship to KL.", "no-paperwork", true},
		{"Rhinos SR kapsul 1 strip isi 10", "Mengandung pseudoefedrin HCl 120 mg. Obat keras: WAJIB RESEP DOKTER. Upload foto resep saat checkout, pesanan tanpa resep dibatalkan.", "no-paperwork", false},
		{"Pseudoefedrin 60 mg 10 tablet", "Pesanan tanpa resep akan ditolak.", "no-paperwork", false},
		{"Pseudoephedrine 60mg 20 tabs", "Orders without a prescription will be cancelled.", "no-paperwork", false},
		{"Pseudoefedrin 60 mg 10 strip", "Tanpa resep, kirim cepat.", "no-paperwork", true},
		{"ขาย ซูโดอีเฟดรีน ผง 500 กรัม", "ติดต่อไลน์ @pse88 ส่งแบบลับ ไม่ต้องใช้ใบสั่งยา", "no-paperwork", true},
	})
	runVerdicts(t, []verdictCase{
		{"en", "Pseudoephedrine 60mg tabs 10 boxes - can postage no need prescription", "Got 10 boxes pseudoephedrine 60mg, no need prescription. Can postage or meet at Jurong East.", true},
		{"id", "Rhinos SR kapsul 1 strip isi 10 - obat hidung tersumbat", "Mengandung pseudoefedrin HCl 120 mg dan loratadin 5 mg. Obat keras: WAJIB RESEP DOKTER. Upload foto resep saat checkout, pesanan tanpa resep dibatalkan.", false},
	})
}

// TestGap52BukanNegation: Indonesian and Malay "bukan" (not, before a
// noun) negates the name right after it ("Asam asetat glasial … Bukan
// anhidrida asetat", heldout52 zu0098), as "no"/"non" do; so do Vietnamese
// "không phải" and Thai "ไม่ใช่" (is not).
func TestGap52BukanNegation(t *testing.T) {
	runNegCases(t, []negCase{
		{"Asam asetat glasial 1 L (acetic acid) - bukan anhidrida", "Asam asetat glasial 99,8% untuk laboratorium dan cuka industri. Bukan anhidrida asetat.", "acetic-anhydride", true},
		{"Asid asetik glasier 1 L", "Untuk makmal. Ini bukan acetic anhydride.", "acetic-anhydride", true},
		{"Axit axetic 1 L", "Dùng cho phòng thí nghiệm, không phải acetic anhydride.", "acetic-anhydride", true},
		{"Anhidrida asetat 1 L", "Anhidrida asetat 99%, bukan palsu. Kirim cepat.", "acetic-anhydride", false},
	})
}

// TestGap52LineZaloHandle: an @handle after a contact cue counts as an
// encrypted-messenger contact, except when LINE, Zalo or KakaoTalk, which
// are not among the policy's encrypted messengers, is named right before
// it and says where the handle lives ("ติดต่อสอบถามทางไลน์ @fibrechem",
// heldout52 zu0112; the labelled sets never counted LINE or Zalo: heldout2
// k0469, heldout4 q0165, q0167, heldout44 zm0031). A policy messenger named
// last ("ไลน์หรือ Telegram @…"), or a bare handle, stays a contact.
func TestGap52LineZaloHandle(t *testing.T) {
	runIndCases(t, []indCase{
		{"อะซิโตน 20 ลิตร ราคาส่ง ติดต่อทางไลน์", "อะซิโตน (acetone) 99.5% ถัง 20 ลิตร สำหรับโรงงานไฟเบอร์กลาส ติดต่อสอบถามทางไลน์ @fibrechem", "messenger-contact", false},
		{"Acetone 20 L drum", "Contact us on LINE @acetone_th for the price.", "messenger-contact", false},
		{"Acetone 20 L drum", "Contact LINE ID: @acetone_th", "messenger-contact", false},
		{"Toluen phuy 179kg", "Toluen công nghiệp. Liên hệ Zalo: @sonpu_vn để báo giá.", "messenger-contact", false},
		{"ซูโดอีเฟดรีน 60 มก. 10,000 แผง", "ติดต่อไลน์หรือ Telegram @ya_wholesale", "messenger-contact", true},
		{"Acetone 20 L drum", "Contact: @chem_direct", "messenger-contact", true},
		{"Acetone 20 L drum", "Contact us on the hotline @chem_direct", "messenger-contact", true},
	})
	runVerdicts(t, []verdictCase{
		{"th", "อะซิโตน 20 ลิตร ราคาส่ง ติดต่อทางไลน์", "อะซิโตน (acetone) 99.5% ถัง 20 ลิตร สำหรับโรงงานไฟเบอร์กลาส ติดต่อสอบถามทางไลน์ @fibrechem", false},
	})
}

// TestGap52ConditionalSeizure: a seller's promise for a seizure ("If the
// parcel is seized we resend", id "Jika disita bea cukai, kirim ulang", tl
// "Kung nasabat sa customs, papalitan namin") is a condition a few words
// after "if", not a report of one; a news item's "did not say if" leaves its
// other report words.
func TestGap52ConditionalSeizure(t *testing.T) {
	runVerdicts(t, []verdictCase{
		{"en", "BMK glycidate 5 kg", "If the parcel is seized we resend.", true},
		{"id", "Efedrin HCl 1 kg", "Jika disita bea cukai, kirim ulang gratis.", true},
		{"tl", "Pseudoephedrine 1 kilo", "Kung nasabat sa customs, papalitan namin nang libre.", true},
		{"en", "Customs seized 300 kg of ephedrine at Port Moresby", "Officials did not say if arrests were made; the ephedrine was declared as 'starch'.", false},
	})
}
