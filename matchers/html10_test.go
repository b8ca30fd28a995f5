package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH10 holds the cases of the held-out batch h10's reader
// fixes: a site's safety tips named by an aria-label, a data-testid, a
// class or a heading in languages the reader did not know (Hebrew,
// Swedish, Danish, Norwegian, Finnish, Hungarian, Persian, …), and blocks
// of other products headed "customers also viewed" in many languages or
// marked by a recommendation tracking name (Naver's data-nclick="prd.rcmd",
// a prefixed class "fpCrossSell"), each beside a twin that must stay as it
// is.
func TestHTMLDocumentH10(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "safety tips in Hebrew (aria-label, class) and Swedish (data-testid, heading) are left out",
			page: `<html><body><main><h1>טולואן 5 ליטר</h1><div class="item_description__x1"><p>טולואן 99% למדלל צבע, חשבונית מס.</p></div>
<section class="safety_tips__aa01" aria-label="טיפים לקנייה בטוחה"><h2>טיפים לקנייה בטוחה</h2><p>אין לפרסם מודעות למכירת אפדרין או אנהידריד אצטי.</p></section>
<section data-testid="safety-tips"><h2>Handla tryggt</h2><p>Blockert tillåter inte annonser för efedrin. Betala aldrig i förskott.</p></section>
<div class="Box-sc-1"><h3>Handla tryggt</h3><p>Betala aldrig i förskott till en okänd säljare; GBL är förbjudet.</p></div>
<div><h3>Sikkerhedstips</h3><p>Betal aldrig forud; pseudoefedrin er forbudt.</p></div>
<div aria-label="Turvallisuusvinkit"><p>Älä koskaan maksa etukäteen; efedriini on kielletty.</p></div>
<div><h3>Biztonsági tippek</h3><p>Soha ne fizessen előre; a kálium-permanganát tilos.</p></div>
<div><h3>نکات ایمنی</h3><p>هرگز پیش پرداخت نکنید؛ فروش افدرین ممنوع است.</p></div>
<div class="SakerhetsTips"><p>Möt säljaren på en offentlig plats; safrol säljs inte här.</p></div>
<div data-testid="handla-tryggt"><p>Swisha aldrig pengar i förväg för metylamin.</p></div></main></body></html>`,
			keep: []string{"טולואן 5 ליטר", "טולואן 99% למדלל צבע, חשבונית מס."},
			drop: []string{"אפדרין", "אנהידריד", "efedrin", "GBL", "pseudoefedrin", "efedriini", "permanganát", "افدرین", "safrol", "metylamin"},
		},
		{
			name: "a listing's own safety instructions under a Swedish or Hebrew safety heading, speaking of no trade, are kept",
			page: `<html><body><main><h1>Aceton 5 l</h1><section data-testid="description"><p>Aceton från båtbygge, hämtas.</p></section>
<section><h2>Säkerhetstips</h2><p>Använd handskar och skyddsglasögon. Förvaras svalt, långt från värme och öppen eld.</p></section>
<section aria-label="טיפים לבטיחות"><h2>טיפים לבטיחות</h2><p>יש להשתמש בכפפות ובמשקפי מגן. לאחסן במקום קריר.</p></section></main></body></html>`,
			keep: []string{"Aceton från båtbygge, hämtas.", "Använd handskar och skyddsglasögon.", "יש להשתמש בכפפות ובמשקפי מגן."},
		},
		{
			name: "customers-also-viewed blocks in many languages and recommendation markers are left out",
			page: `<html><body><main><h1>Nitroéthane 99 % 1 L</h1><div class="fpDescription"><p>Nitroéthane pour analyses.</p></div>
<section class="fpCrossSell"><h2>Nos suggestions</h2><ul><li><a href="/p/1">Acétone pure 5 L</a></li><li><a href="/p/2">Toluène 1 L</a></li></ul></section>
<section class="x9"><h2>Les clients ont également consulté</h2><ul><li><a href="/p/3">Acide sulfurique 37 %</a></li><li><a href="/p/4">Soude caustique</a></li></ul></section>
<div class="_3k440DUKzy" data-nclick="prd.rcmd"><h3>오늘의 상품</h3><ul><li><a href="/p/5">아세톤 1L</a></li><li><a href="/p/6">구연산 1kg</a></li></ul></div>
<div class="_2ab"><h3>함께 보면 좋은 상품</h3><ul><li><a href="/p/7">과망간산칼륨 500g</a></li><li><a href="/p/8">톨루엔 1L</a></li></ul></div>
<div><h3>다른 고객이 함께 본 상품</h3><ul><li><a href="/p/9">황산 1L</a></li><li><a href="/p/10">염산 1L</a></li></ul></div>
<div><h3>この商品を見た人はこんな商品も見ています</h3><ul><li><a href="/p/11">赤リン 100g</a></li><li><a href="/p/12">ヨウ素 50g</a></li></ul></div>
<div><h3>买了又买</h3><ul><li><a href="/p/13">麻黄碱</a></li><li><a href="/p/14">醋酸酐</a></li></ul></div>
<div><h3>Kunden, die diesen Artikel angesehen haben, haben auch angesehen</h3><ul><li><a href="/p/15">Safrol</a></li><li><a href="/p/16">Piperonal</a></li></ul></div>
<div><h3>Andra har också tittat på</h3><ul><li><a href="/p/17">Svavelsyra</a></li><li><a href="/p/18">Saltsyra</a></li></ul></div>
<div><h3>Klienci oglądali również</h3><ul><li><a href="/p/19">Efedryna</a></li><li><a href="/p/20">Safrol olej</a></li></ul></div>
<div data-tracking="also-viewed-carousel"><ul><li><a href="/p/21">Ergotamine</a></li><li><a href="/p/22">Lysergic acid</a></li></ul></div></main></body></html>`,
			keep: []string{"Nitroéthane 99 % 1 L", "Nitroéthane pour analyses."},
			drop: []string{"Acétone", "Toluène", "sulfurique", "아세톤", "과망간산칼륨", "황산", "赤リン", "麻黄碱", "Safrol", "Svavelsyra", "Efedryna", "Ergotamine"},
		},
		{
			name: "a listing's own description, links and a tracking name without a recommendation marker are kept",
			page: `<html><body><main><h1>염산 35% 1L</h1><div class="se-main-container" data-nclick="prd.dtl"><p>욕실 청소용 염산입니다. 함께 보면 좋은 사용법: <a href="/guide/1">타일 청소</a>, <a href="/guide/2">변기 청소</a>.</p></div>
<div class="fpCrossSection"><h2>Caractéristiques</h2><ul><li><a href="/sds">Fiche de données de sécurité</a></li><li><a href="/coa">Certificat d'analyse</a></li></ul></div>
<section data-nclick="prd.info"><h3>상품 정보</h3><ul><li><a href="/msds">MSDS</a></li><li><a href="/cert">안전확인 신고번호</a></li></ul></section></main></body></html>`,
			keep: []string{"욕실 청소용 염산입니다.", "타일 청소", "변기 청소", "Fiche de données de sécurité", "Certificat d'analyse", "MSDS", "안전확인 신고번호"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
