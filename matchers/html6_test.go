package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH6 holds the cases of the held-out batch h6's fixes:
// text outside the listing that the reader read (web archive toolbars,
// site safety boxes, forum topic lists), each beside a twin that must stay
// as it is.
func TestHTMLDocumentH6(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "the Wayback Machine's toolbar insert and its print-only line are left out",
			page: `<html><head><title>Guidance</title></head><body><!-- BEGIN WAYBACK TOOLBAR INSERT -->
<script>__wm.rw(0);</script>
<div id="wm-ipp-base" lang="en" style="display:none"><div id="wm-ipp"><div id="wm-ipp-inside">success fail 12 captures</div></div></div>
<div id="wm-ipp-print">The Wayback Machine - https://web.archive.example/web/20250312094411/https://shop.example/ephedrine-sales</div>
<script>__wm.bt(750,27,25,2,"web");</script>
<!-- END WAYBACK TOOLBAR INSERT -->
<main><h1>Selling medicines that contain pseudoephedrine</h1><p>Pharmacies may sell one pack at a time.</p></main></body></html>`,
			keep: []string{"Selling medicines that contain pseudoephedrine", "Pharmacies may sell one pack at a time."},
			drop: []string{"Wayback", "web.archive", "ephedrine-sales", "captures"},
		},
		{
			name: "what a toolbar insert comment encloses is left out whatever its markup",
			page: `<html><body><!-- BEGIN WAYBACK TOOLBAR INSERT --><div class="bar"><p>Archived capture of https://shop.example/bmk-oil</p></div><!-- END WAYBACK TOOLBAR INSERT -->
<article><h1>Storing acetone</h1><p>Keep it in a flammables cabinet.</p></article></body></html>`,
			keep: []string{"Storing acetone", "Keep it in a flammables cabinet."},
			drop: []string{"bmk-oil", "Archived capture"},
		},
		{
			name: "an unclosed toolbar comment, a page's own toolbar and an ordinary comment leave the page as it is",
			page: `<html><body><!-- BEGIN WAYBACK TOOLBAR INSERT --><div class="toolbar-note"><p>Prices incl. VAT</p></div>
<!-- begin product insert --><main><h1>Acetone 1 L</h1><p>Nail polish remover, 99.5%.</p><div id="HEADER"><p>Seller: Paint shop Riga</p></div></main></body></html>`,
			keep: []string{"Prices incl. VAT", "Acetone 1 L", "Nail polish remover, 99.5%.", "Seller: Paint shop Riga"},
		},
		{
			name: "archive.today's header and a Google cache header are left out",
			page: `<html><body><div id="HEADER" style="background-color:#eee"><table><tr><td><a href="https://archive.ph/">archive.today</a> webpage capture</td><td>Saved from <a href="https://shop.example/safrole-oil">https://shop.example/safrole-oil</a></td></tr></table><form action="https://archive.ph/submit/"><input name="url"></form></div>
<div id="bN015htcoyT__google-cache-hdr"><div><span>This is Google's cache of https://shop.example/gbl-wheel-cleaner. It is a snapshot of the page as it appeared on 2 Mar 2024.</span></div></div>
<div id="CONTENT"><h1>Tea tree oil 100 ml</h1><p>Steam-distilled, for skin care.</p></div></body></html>`,
			keep: []string{"Tea tree oil 100 ml", "Steam-distilled, for skin care."},
			drop: []string{"archive.today", "safrole-oil", "Google's cache", "gbl-wheel-cleaner"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
