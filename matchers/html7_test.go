package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH7 holds the cases of the held-out batch h7's fixes: text
// outside the listing that the reader read (similar and newest-ads blocks
// in more languages, comparison tables, prohibited-items lines, asides
// beside the <main>), each beside a twin that must stay as it is.
func TestHTMLDocumentH7(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "similar ads in Czech and other languages are left out on a page without landmarks",
			page: `<html><body><div class="maincontent"><h1>Manganistan draselný KMnO4 - 5 kg</h1><div class="popisdetail">Prodám manganistan draselný, 5 kg.</div>
<div class="podobne"><h3 class="nadpispodobne">Podobné inzeráty</h3><div><h2><a href="/i/1">Efedrin tablety</a></h2><div>Efedrin tablety. Více informací.</div></div><div><h2><a href="/i/2">Jod krystalický 100 g</a></h2></div></div>
<div class="box"><h3>Hasonló hirdetések</h3><a href="/h/1">Safrol olaj</a> <a href="/h/2">Aceton 5 l</a></div>
<div class="box"><h3>آگهی‌های مشابه</h3><a href="/f/1">افدرین</a> <a href="/f/2">تولوئن</a></div>
<div class="box"><h3>Liknande annonser</h3><a href="/s/1">Safrololja</a> <a href="/s/2">Jod 100 g</a></div></div></body></html>`,
			keep: []string{"Manganistan draselný KMnO4 - 5 kg", "Prodám manganistan draselný, 5 kg."},
			drop: []string{"Efedrin", "Jod", "Safrol", "Aceton", "افدرین", "تولوئن"},
		},
		{
			name: "a column of the site's newest ads beside the ad is left out in many languages",
			page: `<html><body><table><tr><td><b>Рубрики</b><br><a href="/c/1">Кислоты</a></td>
<td><table><tr><td class="hdr">Продам серную кислоту аккумуляторную</td></tr><tr><td>Кислота серная, канистры 10 л. Тел. 8-916-000-17-42</td></tr></table></td>
<td><b>Новые объявления в рубрике</b><br><br><a href="/msg/1.html">Эфедрин гидрохлорид, 1 кг</a><br><font class="small">18.03.2026, Москва</font><br><a href="/msg/2.html">Марганцовка 1 кг</a><br><font class="small">18.03.2026, Тула</font><br></td></tr></table>
<div><h3>Latest ads</h3><a href="/a/1">Safrole oil 1 L</a> <a href="/a/2">Nitroethane 500 ml</a></div>
<div><h3>Neueste Anzeigen</h3><a href="/a/3">Ephedrin 10 g</a> <a href="/a/4">Toluol 5 l</a></div>
<div><h3>Nowe ogłoszenia</h3><a href="/a/5">Efedryna</a> <a href="/a/6">Aceton</a></div></body></html>`,
			keep: []string{"Продам серную кислоту аккумуляторную", "Кислота серная, канистры 10 л.", "8-916-000-17-42"},
			drop: []string{"Эфедрин", "Марганцовка", "Safrole", "Nitroethane", "Ephedrin", "Toluol", "Efedryna", "Aceton"},
		},
		{
			name: "a seller's own new stock and a description linking its own pages are kept",
			page: `<html><body><main><h1>Acetone 10 L</h1><div class="description"><h3>New stock</h3><p>Acetone 99.5% in 10 L cans, see <a href="/sds">SDS</a> and <a href="/coa">CoA</a>.</p></div>
<div class="box"><h3>New arrivals from our lab</h3><p>Isopropanol 5 L, ethanol 96% 1 L: ask by phone.</p></div></main></body></html>`,
			keep: []string{"New stock", "Acetone 99.5% in 10 L cans", "SDS", "CoA", "Isopropanol 5 L, ethanol 96% 1 L: ask by phone."},
		},
		{
			name: "a comparison with similar items is left out, with or without links",
			page: `<html><body><div id="dp"><h1>Pure Acetone 16 fl oz</h1><div id="feature-bullets"><ul><li>100% acetone nail polish remover</li></ul></div>
<div id="similarities_feature_div"><h2>Compare with similar items</h2><table class="a-bordered"><tr><th>This item</th><th>Onyx Pro Acetone + Toluene-free Remover</th><th>Butanone Lab Grade (MEK) 500 mL</th></tr></table></div>
<div class="vergleich-aehnliche"><h3>Mit ähnlichen Artikeln vergleichen</h3><table><tr><td>Safrol 1 l</td><td>Ephedrin 10 g</td></tr></table></div></div></body></html>`,
			keep: []string{"Pure Acetone 16 fl oz", "100% acetone nail polish remover"},
			drop: []string{"Compare with similar items", "Butanone", "Toluene-free", "Safrol", "Ephedrin"},
		},
		{
			name: "a product's own comparison table is kept",
			page: `<html><body><main><h1>Acetone 1 L</h1><div class="specs"><h2>Compare grades</h2><table><tr><th>Technical 99%</th><th>ACS reagent 99.5%</th></tr></table></div></main></body></html>`,
			keep: []string{"Compare grades", "Technical 99%", "ACS reagent 99.5%"},
		},
		{
			name: "a line or paragraph opening with the site's prohibited-items rule is left out",
			page: `<html><body><div class="maincontent"><h1>Manganistan draselný 5 kg</h1><div class="popis">Prodám manganistan, 5 kg.</div></div>
<div class="footer"><div class="footerlinks"><a href="/napoveda/">Nápověda</a> | <a href="/pravidla/">Pravidla</a></div>
<div class="pravidla">Zakázané inzeráty: léky na předpis, drogy a jejich prekursory (efedrin, pseudoefedrin, safrol), padělky. Takové inzeráty mažeme.</div></div>
<hr><center><font class="small">Запрещено размещать объявления о продаже наркотиков, прекурсоров (эфедрин, псевдоэфедрин).<br>(c) 2003-2026 Доска.</font></center>
<p>Prohibited items: ephedrine, pseudoephedrine and GBL may not be listed; such ads are removed.</p>
<p>Articles interdits : safrole, éphédrine.</p></body></html>`,
			keep: []string{"Manganistan draselný 5 kg", "Prodám manganistan, 5 kg."},
			drop: []string{"efedrin", "safrol", "эфедрин", "ephedrine", "GBL", "safrole", "éphédrine"},
		},
		{
			name: "a seller's restriction, a rule inside a larger block and a prohibited phrase mid-sentence are kept",
			page: `<html><body><h1>Iodine 100 g</h1><p>Not for sale to minors; prohibited items policy of the site respected. Iodine resublimed 99.8%.</p>
<p>It is prohibited to resell this iodine without a licence.</p>
<div class="offer-text">Prohibited items like this one need a licence, ours has one: <p>Iodine 100 g, lab grade, 25 EUR.</p></div></body></html>`,
			keep: []string{"Not for sale to minors; prohibited items policy", "It is prohibited to resell this iodine", "Prohibited items like this one need a licence", "Iodine 100 g, lab grade, 25 EUR."},
		},
		{
			name: "an aside beside the <main> holding no seller details is left out",
			page: `<html><body><header><a href="/">LabSupra</a></header><div class="page">
<aside class="notice-rail" aria-label="Ordering notice"><div class="notice"><h3>Restricted products</h3><p>We do not sell ephedrine, pseudoephedrine, safrole or phenylacetic acid to private persons.</p></div></aside>
<main><h1>Formamide, ≥99.5%, for molecular biology</h1><p>CAS 75-12-7, 100 mL.</p></main>
<div role="complementary"><h3>Good to know</h3><p>Acetic anhydride needs an end-user declaration.</p></div></div></body></html>`,
			keep: []string{"Formamide, ≥99.5%, for molecular biology", "CAS 75-12-7, 100 mL."},
			drop: []string{"ephedrine", "safrole", "phenylacetic", "Acetic anhydride"},
		},
		{
			name: "a supplier box, a buy box or a contact in an aside beside the <main>, an aside inside it and asides without a <main> are kept",
			page: `<html><body><aside class="supplier-box"><h3>Hebei Trade Co.</h3><p>Gold supplier, 8 years.</p></aside>
<aside><h3>Shipping</h3><p>Discreet packing, Bitcoin only. Threema: XK7P2QJ9</p></aside>
<aside><p>Ask on <a href="https://t.me/labshop">our channel</a>: fast delivery.</p></aside>
<aside class="buy-box"><p>€48.60, in stock, bulk discount</p><button>Add to cart</button></aside>
<main><h1>Phenylacetic acid 1 kg</h1><p>99% crystals.</p><aside><p>Lot tested, CoA included.</p></aside></main></body></html>`,
			keep: []string{"Hebei Trade Co.", "Gold supplier, 8 years.", "Discreet packing, Bitcoin only.", "Threema: XK7P2QJ9", "fast delivery", "t.me/labshop",
				"€48.60, in stock, bulk discount", "Phenylacetic acid 1 kg", "99% crystals.", "Lot tested, CoA included."},
		},
		{
			name: "without a <main>, an aside beside the offer is kept",
			page: `<html><body><aside><h3>Ordering notice</h3><p>Discreet shipping, no questions asked.</p></aside><div class="offer"><h1>Red phosphorus 100 g</h1><p>Amorphous, 98%.</p></div></body></html>`,
			keep: []string{"Discreet shipping, no questions asked.", "Red phosphorus 100 g"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
