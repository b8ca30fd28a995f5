package matchers_test

import (
	"strings"
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH14 holds the cases of the held-out document batch h14's
// reader fixes, each beside a twin that must stay as it is.
func TestHTMLDocumentH14(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "similar ads, safety tips and warnings in Armenian, Georgian, Amharic and Mongolian are left out",
			page: `<html><body><div id="hdr"><a href="/">List</a> <a href="/add">Ավելացնել</a> <a href="/login">Մուտք</a></div>
<div id="pcontent"><div class="vi"><h1>Ացետոն տեխնիկական, 20 լիտր</h1>
<div class="body">Վաճառվում է տեխնիկական ացետոն 20 լիտրանոց տարաներով։</div>
<div class="warn">Զգուշացում․ երբեք կանխավճար մի կատարեք։ Արգելվում են հայտարարություններ, որոնք առաջարկում են էֆեդրին։</div></div>
<div class="dlad" id="sim"><h2>Նմանատիպ հայտարարություններ</h2><div><a href="/i/1"><div>Տոլուոլ 20 լ</div></a><a href="/i/2"><div>Կալիումի պերմանգանատ 1 կգ</div></a></div></div>
<section class="mm-safety" aria-label="უსაფრთხოების რჩევები"><h2>უსაფრთხოების რჩევები</h2><ul><li>ნუ გადაიხდით წინასწარ უცნობ გამყიდველთან.</li><li>აკრძალულია განცხადებები: ეფედრინი, ფსევდოეფედრინი, საფროლი.</li></ul></section>
<section class="mt-5"><h2 class="h5">ተመሳሳይ ማስታወቂያዎች</h2><div class="row"><div class="card"><a class="stretched-link" href="/ad/1">ኤፌድሪን ሃይድሮክሎራይድ ዱቄት</a></div><div class="card"><a class="stretched-link" href="/ad/2">አሴቶን 20 ሊትር</a></div></div></section>
<div class="alert alert-warning" role="note"><strong>የደህንነት ምክሮች:</strong> ገንዘብ አስቀድመው አይላኩ። በሐኪም ትእዛዝ ብቻ የሚሸጡ መድሃኒቶችን መለጠፍ የተከለከለ ነው።</div>
<div class="un-notice"><b>Анхааруулга:</b> Урьдчилж мөнгө шилжүүлэхгүй байхыг зөвлөж байна. Эфедрин, псевдоэфедрин зэрэг бодисын зар оруулахыг хориглоно.</div></div>
<div id="ftr"><table class="catcount"><tr><td><a href="/c/0">Յոդ</a></td><td>75</td></tr><tr><td><a href="/c/1">Տոլուոլ</a></td><td>47</td></tr><tr><td><a href="/c/2">Աղաթթու</a></td><td>61</td></tr></table></div>
</body></html>`,
			keep: []string{"Վաճառվում է տեխնիկական ացետոն"},
			drop: []string{"էֆեդրին", "Տոլուոլ", "Կալիումի", "Յոդ", "ეფედრინი", "ኤፌድሪን", "አሴቶን", "መድሃኒቶችን", "Эфедрин", "Ավելացնել"},
		},
		{
			name: "a seller's own warning, a product's hazard warning, a word for similar in a description and a footer's contact stay",
			page: `<html><body><main><h1>კალიუმის პერმანგანატი 1 კგ</h1>
<div class="descr"><p>მსგავსი ხარისხი, როგორც აფთიაქში. გადახდა: USDT.</p><div class="warn">Զգուշացում․ երբեք կանխավճար մի կատարեք, միայն նաղդ։</div></div>
<div class="warning"><p>Warning: corrosive. Keep away from children; wear gloves.</p></div>
<div class="notice">Только самовывоз, оплата при получении.</div>
</main><div id="ftr"><p>ChemShop, Tbilisi, +995 555 000 111</p></div></body></html>`,
			keep: []string{"მსგავსი ხარისხი", "երբեք կանխավճար", "Warning: corrosive", "Только самовывоз", "+995 555 000 111"},
		},
		{
			name: "an inline sponsored result with its snippet is left out",
			page: `<html><body><main><h1>Results for sulfuric acid</h1><ol>
<li class="sr-result"><h3><a href="/l/1">Battery acid 1 L</a></h3><p>Sulphuric acid 35% for motorcycle batteries.</p></li>
<li class="sr-result sr-result--sponsored"><div class="sr-adlabel">Sponsored</div><h3><a href="https://ads.example/c?id=91">Potassium Permanganate 1 kg</a></h3><p>Crystal KMnO4 for iron removal filters. Fast dispatch.</p></li>
<li class="sr-result"><h3><a href="/l/2">Drain opener 1 L</a></h3><p>Sulfuric acid drain opener.</p></li></ol></main></body></html>`,
			keep: []string{"Sulphuric acid 35% for motorcycle batteries.", "Sulfuric acid drain opener."},
			drop: []string{"Potassium Permanganate", "KMnO4"},
		},
		{
			name: "a promoted ad's own page and its sponsored badge stay",
			page: `<html><body><div class="ad promoted"><h1>Potassium permanganate 1 kg</h1><span class="badge sponsored">Sponsored</span>
<p>KMnO4 99%, pond treatment. <a href="/seller/12">Seller page</a></p></div></body></html>`,
			keep: []string{"Sponsored", "KMnO4 99%, pond treatment."},
		},
		{
			name: "a print view's repeated footer with the site's rules is left out",
			page: `<html><body onload="window.print()"><table class="pv-page">
<thead><tr><td><div>Printed from swapdeck.example · Ad ID 48817203</div></td></tr></thead>
<tfoot><tr><td><div class="pv-printfoot">SwapDeck Ltd. Never pay by bank transfer before you see the item. Ads offering pseudoephedrine or ephedrine, or iodine crystals in bulk are not allowed — report them.</div></td></tr></tfoot>
<tbody><tr><td><h1>Iodine tincture 5% — 10 x 20 ml</h1><p>Ten sealed bottles of iodine tincture from a closed pharmacy.</p></td></tr></tbody></table></body></html>`,
			keep: []string{"Ten sealed bottles of iodine tincture"},
			drop: []string{"pseudoephedrine", "in bulk"},
		},
		{
			name: "a data table's footer and a print footer without the site's voice stay",
			page: `<html><body><table class="pv-page"><tfoot><tr><td>Contact Margaret on 07700 900123, collection from Harrogate.</td></tr></tfoot>
<tbody><tr><td><h1>Iodine tincture 5% — 10 x 20 ml</h1><p>Ten sealed bottles.</p>
<table><tbody><tr><td>Iodine tincture 20 ml</td><td>10</td></tr></tbody><tfoot><tr><td>Never pay for more than ten bottles; report a short delivery to the seller.</td></tr></tfoot></table></td></tr></tbody></table></body></html>`,
			keep: []string{"Contact Margaret on 07700 900123", "Never pay for more than ten bottles"},
		},
		{
			name: "a seller's profile page keeps the seller's own ad cards",
			page: `<html><body class="page-profile"><header><a href="/">unegui</a></header>
<div class="un-profile"><section class="un-profile__card"><h1 class="un-profile__name">ХимТрейд УБ</h1>
<div class="un-profile__about"><p>Химийн бодис, уусгагч, хүчил бөөний болон жижиглэнгээр.</p></div></section>
<section class="un-profile__ads"><h2>Хэрэглэгчийн зарууд (2)</h2><ul class="un-grid">
<li class="un-card"><a href="/adv/1"><h3>Ацетон 20л, техникийн</h3><p>Цэвэр ацетон, 20 литрийн сав.</p></a></li>
<li class="un-card"><a href="/adv/2"><h3>Толуол 20л</h3><p>Толуол 99%, 20 литр.</p></a></li></ul></section></div>
<aside class="un-similar-sellers"><h2>Төстэй худалдагчид</h2><ul><li><a href="/u/1">Монгол Хими</a><small>Калийн перманганат, иод</small></li><li><a href="/u/2">Эрдэнэт Реагент</a><small>Эфир</small></li></ul></aside>
</body></html>`,
			keep: []string{"Ацетон 20л, техникийн", "Толуол 99%, 20 литр."},
			drop: []string{"Калийн перманганат", "Эфир"},
		},
		{
			name: "on an ad's page the seller's other ads stay out beside the seller's profile box",
			page: `<html><body><div class="ad-page"><h1>Acetone 20 L technical</h1><p>Acetone 20 L cans from a furniture workshop.</p>
<div class="seller-profile"><b>Armen</b><span>4 ads</span>
<div class="user-ads"><a href="/i/1">Toluene 20 L</a><a href="/i/2">Potassium permanganate 1 kg</a></div></div></div></body></html>`,
			keep: []string{"Acetone 20 L cans from a furniture workshop."},
			drop: []string{"Toluene", "Potassium permanganate"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}

// TestHTMLDocumentH14CutOffCopy: a server-rendered description clamped
// after a sentence ("… lots on…", then "Show more") is read whole from the
// page's state (Remix's window.__remixContext, document
// h14-remixshell-ammonium-formate-state), without the state's menu and
// recommendations; a page whose cut-off line the state does not continue
// reads no state.
func TestHTMLDocumentH14CutOffCopy(t *testing.T) {
	const pad = `<header><nav><a href="/c/1">Solvents</a> <a href="/c/2">Acids</a></nav></header>`
	state := `<script>window.__remixContext = {"state": {"loaderData": {"root": {"nav": [{"label": "Nitroethane", "href": "/p/n"}]},
"routes/p.$slug": {"product": {"name": "Ammonium formate 99% — 5 kg", "descriptionHtml": "<p>Ammonium formate, ACS grade, free-flowing white crystals. Packed in 5 kg double PE bags inside a carton; 25 kg lots on request.</p><p>Plain unbranded bags, no end-user forms, BTC or XMR only.</p>"},
"recommended": [{"name": "Methylamine HCl 500 g"}]}}}};</script>`
	cut := `<main><h1>Ammonium formate 99% — 5 kg</h1><p>€89.00, in stock, ships from Lithuania within two days.</p>
<div class="line-clamp-3"><p>Ammonium formate, ACS grade, free-flowing white crystals. Packed in 5 kg double PE bags inside a carton; 25 kg lots on…</p></div>
<button>Show more</button></main>`
	d := matchers.ParseHTMLDocument([]byte(`<html><body>` + pad + cut + state + `</body></html>`))
	if !strings.Contains(d.ScriptText, "no end-user forms, BTC or XMR only") {
		t.Errorf("cut-off copy: state text %q lacks the whole description", d.ScriptText)
	}
	for _, s := range []string{"Methylamine", "Nitroethane"} {
		if strings.Contains(d.ScriptText, s) || strings.Contains(d.Text, s) {
			t.Errorf("cut-off copy: %q read from the state's menu or recommendations", s)
		}
	}
	whole := strings.Replace(cut, "25 kg lots on…", "25 kg lots on request.", 1)
	if d := matchers.ParseHTMLDocument([]byte(`<html><body>` + pad + whole + state + `</body></html>`)); d.ScriptText != "" {
		t.Errorf("whole copy: state read: %q", d.ScriptText)
	}
	teaser := `<main><h1>Ammonium formate 99% — 5 kg</h1><p>€89.00, in stock, ships from Lithuania within two days, pallets on request.</p>
<p>Ammonium formate is hygroscopic: keep the bag closed and store it in a cool, dry place away from acids and oxidisers.</p>
<p>Read our guide on storing hygroscopic salts in a dry warehouse…</p></main>`
	if d := matchers.ParseHTMLDocument([]byte(`<html><body>` + pad + teaser + state + `</body></html>`)); d.ScriptText != "" {
		t.Errorf("teaser the state does not continue: state read: %q", d.ScriptText)
	}
}
