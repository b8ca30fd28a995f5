package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH9 holds the cases of the held-out batch h9's reader
// fixes: a forum's "similar threads" table headed by its first row (the
// vBulletin tcat cell) in many languages and spellings, and an article body
// saved with an inline visibility:hidden that the page's own script shows,
// each beside a twin that must stay as it is.
func TestHTMLDocumentH9(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "a similar-threads table headed by its one-cell first row is left out (vBulletin, Arabic with ه for ة)",
			page: `<html><body><table class="tborder"><tr><td class="alt1"><strong>للبيع سودوإفيدرين 60 ملغ بالكرتون</strong></td></tr></table>
<div id="posts"><div class="postbody">سودوإفيدرين 60 ملغ، الحد الأدنى 5 كراتين.</div></div>
<table class="tborder"><thead><tr><td class="tcat" colspan="5">المواضيع المتشابهه</td></tr><tr class="thead"><td class="thead">الموضوع</td><td class="thead">كاتب الموضوع</td></tr></thead>
<tbody><tr><td class="alt1"><a href="showthread.php?t=1">مطلوب انهيدريد الخل كمية كبيرة</a></td><td class="alt2">سالم</td></tr>
<tr><td class="alt1"><a href="showthread.php?t=2">برمنجنات البوتاسيوم للبيع 25 كيلو</a></td><td class="alt2">النور</td></tr></tbody></table></body></html>`,
			keep: []string{"سودوإفيدرين 60 ملغ، الحد الأدنى 5 كراتين."},
			drop: []string{"انهيدريد الخل", "برمنجنات البوتاسيوم"},
		},
		{
			name: "similar-thread tables in other forum languages, headed by a caption or a one-cell <th> row, are left out",
			page: `<html><body><main><h1>Acetone for epoxy?</h1><p>Which solvent cleans tools best?</p>
<table><caption>Podobná témata</caption><tr><td><a href="/t/1">Toluen 20 l</a></td></tr><tr><td><a href="/t/2">Kyselina sírová</a></td></tr></table>
<table><tr><th colspan="3">Παρόμοια θέματα</th></tr><tr><td><a href="/t/3">Υπερμαγγανικό κάλιο</a></td><td>x</td></tr><tr><td><a href="/t/4">Υδροχλωρικό οξύ</a></td><td>y</td></tr></table>
<table><tr><td colspan="2"><b>موضوعات مشابه</b></td></tr><tr><td><a href="/t/5">پرمنگنات پتاسیم</a></td></tr><tr><td><a href="/t/6">اسید سولفوریک</a></td></tr></table>
<table><tr><td>נושאים דומים</td></tr><tr><td><a href="/t/7">אשכול 1: אצטון</a></td></tr><tr><td><a href="/t/8">אשכול 2: טולואן</a></td></tr></table></main></body></html>`,
			keep: []string{"Acetone for epoxy?", "Which solvent cleans tools best?"},
			drop: []string{"Toluen", "sírová", "Υπερμαγγανικό", "Υδροχλωρικό", "پرمنگنات", "سولفوریک", "אצטון", "טולואן"},
		},
		{
			name: "a table whose one-cell first row is the offer's own heading, or whose first row has several cells, is kept",
			page: `<html><body><table><tr><td colspan="2">Acetone 20 L canister</td></tr><tr><td>Price</td><td>25 EUR</td></tr><tr><td><a href="/sds">SDS</a></td><td><a href="/coa">CoA</a></td></tr></table>
<table><tr><td>Similar grade</td><td>Purity</td></tr><tr><td><a href="/g/1">Acetone ACS</a></td><td>99.5%</td></tr><tr><td><a href="/g/2">Acetone technical</a></td><td>99%</td></tr></table></body></html>`,
			keep: []string{"Acetone 20 L canister", "25 EUR", "SDS", "Acetone ACS", "Acetone technical"},
		},
		{
			name: "an article body hidden by an inline visibility:hidden that the page's script makes visible is read",
			page: `<html><body><div id="img-content"><h1 class="rich_media_title">【现货】NPP 99%</h1>
<div class="rich_media_content" id="js_content" style="visibility: hidden;"><p>N-苯乙基-4-哌啶酮 99%，1公斤起订，安全清关。</p><p>微信号：hy-chem88</p></div>
<div id="part2" style="visibility:hidden"><p>纯度 99.5%</p></div>
<script>(function(){ var c = document.getElementById('js_content'); if (c) { c.style.visibility = 'visible'; } })();
document.querySelector("#part2").style.visibility="visible";</script>
</div><div id="js_pc_qr_code" style="display:none;"><p>微信扫一扫 关注该公众号 麻黄碱</p></div>
<div id="js_profile_card" style="visibility:hidden"><p>专业医药中间体供应商 伪麻黄碱</p></div></body></html>`,
			keep: []string{"N-苯乙基-4-哌啶酮 99%，1公斤起订，安全清关。", "微信号：hy-chem88", "纯度 99.5%"},
			drop: []string{"微信扫一扫", "麻黄碱", "专业医药中间体供应商"},
		},
		{
			name: "a body shown by a script in the <head> when the page has loaded is read",
			page: `<html><head><script>document.addEventListener("DOMContentLoaded", function () { document.getElementById("post-body").style.visibility = "visible"; });</script></head>
<body><article><h1>APAAN 99%</h1><div id="post-body" style="visibility:hidden"><p>1–25 kg, Wickr only.</p></div></article></body></html>`,
			keep: []string{"APAAN 99%", "1–25 kg, Wickr only."},
		},
		{
			name: "visibility:hidden text no script shows, or that a script shows only on a click or hides, stays out",
			page: `<html><body><main><h1>Glassware set</h1><p>Beakers and flasks.</p>
<div id="seo" style="visibility:hidden">methylamine safrole</div>
<div id="tip" style="visibility:hidden">ephedrine tip</div>
<div id="promo" style="display:none">pseudoephedrine promo</div>
<script>document.getElementById('btn').addEventListener('click', function(){ document.getElementById('tip').style.visibility = 'visible'; });
document.getElementById('promo').style.visibility = 'visible'; document.getElementById('seo').style.visibility = 'hidden';</script></main></body></html>`,
			keep: []string{"Glassware set", "Beakers and flasks."},
			drop: []string{"methylamine", "safrole", "ephedrine tip", "pseudoephedrine promo"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
