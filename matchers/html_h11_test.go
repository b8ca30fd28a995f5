package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH11 holds the cases of the held-out batch h11's reader
// fixes: a block of links under a sibling heading that names other
// documents (a patent page's "<h2>Similar Documents</h2><table>"), links
// to the previous and next message or post (Pipermail's LINK
// REL="Previous"/"Next", rel=prev/next on the link), and a board's
// prohibited-posts rule after a short label (Thai "ประกาศ: ห้ามโพสต์ขาย …"),
// each beside a twin that must stay as it is.
func TestHTMLDocumentH11(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "a table of similar documents under its own sibling heading is left out",
			page: `<html><body><search-app><article><h1>EP1234567B1 - Process for producing ephedrine by biotransformation</h1>
<section itemprop="abstract"><p>Ephedrine is made from benzaldehyde via L-PAC and methylamine.</p></section>
<h2>Similar Documents</h2>
<table><tbody><tr><td><a href="/patent/CN1/en">CN1</a></td><td>2018</td><td>Method for preparing 1-phenyl-2-propanone from phenylacetic acid and acetic anhydride</td></tr>
<tr><td><a href="/patent/US2/en">US2</a></td><td>2015</td><td>Synthesis of norephedrine by asymmetric hydrogenation</td></tr></tbody></table>
<h3>Weitere Angebote</h3><ul><li><a href="/p/1">Safrol 1 L</a></li><li><a href="/p/2">Piperonal 1 kg</a></li></ul>
</article></body></html>`,
			keep: []string{"Ephedrine is made from benzaldehyde"},
			drop: []string{"1-phenyl-2-propanone", "acetic anhydride", "norephedrine", "Safrol", "Piperonal"},
		},
		{
			name: "a heading that names no related block, or a single link, keeps the block after it",
			page: `<html><body><article><h1>Acetone 5 L</h1><p>Acetone for boat building, pick-up only.</p>
<h2>Documents</h2><ul><li><a href="/sds">Safety data sheet for acetone</a></li><li><a href="/coa">Certificate of analysis, toluene-free</a></li></ul>
<h2>Related reading</h2><p>Our <a href="/blog/1">guide to resin thinners</a> explains what to use with polyester.</p>
</article></body></html>`,
			keep: []string{"Acetone for boat building", "Safety data sheet for acetone", "Certificate of analysis, toluene-free", "guide to resin thinners"},
		},
		{
			name: "previous and next message links of a mailing-list archive are left out",
			page: `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN"><HTML><HEAD><TITLE>[Hobbychem] Acetic anhydride 99.5% drums</TITLE>
<LINK REL="Previous" HREF="004211.html"><LINK REL="Next" HREF="004213.html"></HEAD><BODY>
<H1>[Hobbychem] Acetic anhydride 99.5% drums</H1><B>Kevin Lau</B><P><UL>
<LI>Previous message (by thread): <A HREF="004211.html">[Hobbychem] Storing diethyl ether in a lab fridge?</A></li>
<LI>Next message (by thread): <A HREF="004213.html">[Hobbychem] Safrole question</A></li></UL><HR>
<!--beginarticle--><PRE>Acetic anhydride 99.5%, 200 kg drum, WhatsApp only.</PRE><!--endarticle-->
<UL><LI>Previous message (by thread): <A HREF="004211.html">[Hobbychem] Storing diethyl ether in a lab fridge?</A></li></UL>
<p><a rel="prev" href="/2026/10/older">Older post: toluene storage</a> <a rel="next" href="/2026/12/newer">Newer post: red phosphorus</a></p>
</BODY></HTML>`,
			keep: []string{"Acetic anhydride 99.5%, 200 kg drum, WhatsApp only."},
			drop: []string{"diethyl ether", "Safrole", "toluene", "red phosphorus"},
		},
		{
			name: "links that are not the previous or next document stay",
			page: `<html><head><link rel="next" href="page2.html"></head><body><h1>Iodine crystals 100 g</h1>
<p>Iodine crystals for <a href="/iodine-uses.html">disinfection of water</a>; see <a href="/sds/iodine.pdf">the iodine safety sheet</a>.</p></body></html>`,
			keep: []string{"Iodine crystals for", "disinfection of water", "the iodine safety sheet"},
		},
		{
			name: "a board's rule on prohibited posts after a short label is left out",
			page: `<html><body><table><tr><td><table><tr><td class="thead">ขายยาแก้หวัด ยกลัง</td></tr>
<tr><td><div id="post_message_1">ยาแก้หวัด สูตรซูโดอีเฟดรีน 80 กล่อง ติดต่อ LINE</div></td></tr></table>
<table><tr><td class="alt2 smallfont">ประกาศ: ห้ามโพสต์ขายยาอันตราย ยาเสพติด และสารตั้งต้น เช่น อีเฟดรีน หากพบแจ้งลบได้ที่ <a href="report.php">แจ้งลบกระทู้</a></td></tr></table>
<table><tr><td>Notice: it is forbidden to post ads for safrole or GBL.</td></tr></table>
</td></tr></table></body></html>`,
			keep: []string{"ยาแก้หวัด สูตรซูโดอีเฟดรีน 80 กล่อง ติดต่อ LINE"},
			drop: []string{"อีเฟดรีน หากพบ", "safrole"},
		},
		{
			name: "a seller's labelled line that is no posting rule stays",
			page: `<html><body><table><tr><td><table><tr><td class="thead">Ephedrine HCl 1 kg</td></tr>
<tr><td>Note: ephedrine HCl 99%, 1 kg, no questions.</td></tr>
<tr><td>Warning: forbidden to ship to Australia.</td></tr></table></td></tr></table></body></html>`,
			keep: []string{"Note: ephedrine HCl 99%, 1 kg, no questions.", "Warning: forbidden to ship to Australia."},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
