package matchers

import "strings"

// inventoryNouns name an inventory or register of the chemicals a school,
// lab or company keeps (a hazardous-substances register), lower-cased.
var inventoryNouns = []string{
	"gefahrstoffverzeichnis", "gefahrstoffkataster", "gefahrstoffliste", "chemikalienverzeichnis", "chemikalienkataster",
	"chemical inventory", "chemicals inventory", "chemical register", "chemicals register", "hazardous substances register",
	"hazardous substance register", "hazardous substances inventory", "coshh register", "coshh inventory",
	"inventaire des produits chimiques", "registre des produits chimiques", "inventaire des produits dangereux",
	"inventario de reactivos", "inventario de productos químicos", "inventario de sustancias peligrosas",
	"inventario dei prodotti chimici", "inventario delle sostanze", "registro delle sostanze pericolose",
	"inventário de produtos químicos", "inventário de reagentes", "rejestr substancji niebezpiecznych",
	"wykaz substancji niebezpiecznych", "inventaris gevaarlijke stoffen", "register gevaarlijke stoffen",
	"seznam nebezpečných látek", "evidence nebezpečných chemických látek", "реестр химических веществ",
	"реестр опасных веществ", "журнал учёта реактивов", "журнал учета реактивов", "журнал учёта химических",
	"журнал учета химических", "化学品台账", "化学品清单", "危险化学品台账", "危険物台帳", "薬品台帳", "化学物質台帳",
	"화학물질 대장", "화학물질 목록",
}

// noSupplyPhrases state that the holder of an inventory supplies none of
// it to anyone else, lower-cased.
var noSupplyPhrases = []string{
	"abgaben an dritte erfolgen nicht", "keine abgabe an dritte", "keine abgaben an dritte", "eine abgabe an dritte erfolgt nicht",
	"no supply to third parties", "not supplied to third parties", "not supplied to others", "no supplies to third parties",
	"nothing is supplied to", "not for sale or supply", "no sale or supply", "not sold or supplied",
	"aucune cession à des tiers", "pas de cession à des tiers", "aucune vente ni cession", "no se suministra a terceros",
	"no se ceden a terceros", "sin cesión a terceros",
	// Lead, session 19 (document h15-es "Nada de esto se vende ni se
	// cede"): "neither sold nor passed on", in the main languages.
	"se vende ni se cede", "se venden ni se ceden", "is neither sold nor", "are neither sold nor", "nothing here is sold",
	"none of this is sold", "none of it is sold", "wird weder verkauft noch", "werden weder verkauft noch",
	"n'est ni vendu ni cédé", "ne sont ni vendus ni cédés", "não é vendido nem cedido", "não são vendidos nem cedidos",
	"non viene venduto né ceduto", "non vengono venduti né ceduti", "nie jest sprzedawane ani", "не продаётся и не передаётся",
	"не продается и не передается", "non vengono cedute a terzi", "nessuna cessione a terzi",
	"não são fornecidos a terceiros", "sem fornecimento a terceiros", "nie są przekazywane osobom trzecim",
	"geen levering aan derden", "nejsou poskytovány třetím osobám", "третьим лицам не передаются",
	"не передаются третьим лицам", "передача третьим лицам не осуществляется", "不对外提供", "不对外销售", "不外借",
	"外部への譲渡は行いません", "外部への提供は行いません", "외부 제공 불가", "외부 판매 없음",
}

// inventoryNoSupply returns the no-supply statement of a listing that is
// an inventory or register of chemicals held (a school's
// Gefahrstoffverzeichnis) and says that nothing in it is supplied to
// others, "" when it is not one. Its quantities say what is kept, not what
// is sold; the caller clears it only without a price, contact, risk
// indicator or bulk word, which make an offer of it again (a seller
// pasting the sentence into an offer).
func inventoryNoSupply(fields []field) string {
	noun, stated := false, ""
	for i := range fields {
		f := &fields[i]
		if !f.offerField {
			continue
		}
		text := strings.ToLower(f.orig)
		for _, n := range inventoryNouns {
			noun = noun || strings.Contains(text, n)
		}
		for _, p := range noSupplyPhrases {
			if stated == "" && strings.Contains(text, p) {
				stated = p
			}
		}
	}
	if !noun {
		return ""
	}
	return stated
}
