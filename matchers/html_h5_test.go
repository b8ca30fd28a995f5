package matchers_test

import (
	"testing"

	"github.com/precwatch/precwatch/matchers"
)

// TestHTMLDocumentH5 holds the cases of the held-out batch h5's fixes:
// text outside the listing that the reader read, or listing text it lost,
// each beside a twin that must stay as it is.
func TestHTMLDocumentH5(t *testing.T) {
	tests := []struct {
		name string
		page string
		keep []string
		drop []string
	}{
		{
			name: "a recently-viewed block with a single item is left out, in several languages",
			page: `<html><body><h1>Соляная кислота 33%</h1><p>Для бассейнов, канистра 20 л.</p>
<div class="viewed_block"><div class="title_block">Ранее вы смотрели</div><div class="item_block"><a href="/t1">Толуол нефтяной, 20 л</a></div></div>
<div class="b1"><h3>Zuletzt angesehen</h3><a href="/e1">Ephedrin 50 g</a></div>
<section><h2>最近浏览</h2><div><a href="/s1">黄樟油 1 升</a> <span>¥120</span></div></section>
<div><h4>Recently viewed</h4><ul><li><a href="/p1">Safrole oil 1 L</a></li></ul></div></body></html>`,
			keep: []string{"Соляная кислота 33%", "Для бассейнов, канистра 20 л."},
			drop: []string{"Толуол", "Ephedrin", "黄樟油", "Safrole", "смотрели"},
		},
		{
			name: "a block named like a related one but with its own text beside a single link is kept",
			page: `<html><body><h1>Acetone 1 L</h1>
<div class="similar-uses"><h3>Similar uses</h3><p>Removes nail polish, cleans glass and degreases metal before painting.</p><p>Data sheet: <a href="/msds">MSDS acetone</a></p></div>
<div class="viewed"><h3>Recently viewed by our chemist</h3><p>We checked the purity of every batch ourselves, 99.5% by GC, and ship in HDPE.</p><a href="/coa">COA</a></div></body></html>`,
			keep: []string{"Removes nail polish, cleans glass and degreases metal before painting.", "MSDS acetone", "99.5% by GC"},
		},
		{
			name: "a related carousel without links inside <main> is left out",
			page: `<html><body><main><article><h1>Pure Acetone 1 L</h1><p>Gel polish remover.</p></article>
<section class="rel"><h2>Related products</h2><amp-carousel type="carousel"><div><p>Methyl ethyl ketone 1 L</p></div><div><p>Toluene 500 ml</p></div></amp-carousel></section>
<div class="x"><h3>Das könnte Ihnen auch gefallen</h3><div class="swiper"><div class="swiper-wrapper"><div class="swiper-slide">Ephedrin 50 g</div><div class="swiper-slide">Safrol 1 l</div></div></div></div>
</main></body></html>`,
			keep: []string{"Pure Acetone 1 L", "Gel polish remover."},
			drop: []string{"Methyl ethyl ketone", "Toluene", "Ephedrin", "Safrol"},
		},
		{
			name: "the offer's own carousel and a recommendation list without a carousel are kept",
			page: `<html><body><main><article><h1>Pure Acetone 1 L</h1>
<amp-carousel type="slides"><div><p>Front: 99.5% acetone</p></div><div><p>Back: UN 1090</p></div></amp-carousel>
<section><h2>Recommended use</h2><ul><li>Soak cotton pads for 10 minutes.</li><li>Wipe off the gel.</li></ul></section></article></main></body></html>`,
			keep: []string{"Front: 99.5% acetone", "Back: UN 1090", "Soak cotton pads for 10 minutes.", "Wipe off the gel."},
		},
		{
			name: "a site builder's top menu and a related block headed by a wrapped line are left out",
			page: `<html><body><div class="t-rec"><div class="artboard">
<div class="el" style="position:absolute"><div class="atom"><a href="/">KRASKA STUDIO</a></div></div>
<div class="el" style="position:absolute"><div class="atom"><a href="/acetone">Acetone</a>&nbsp;&nbsp;<a href="/xylene">Xylene</a>&nbsp;&nbsp;<a href="/mek">MEK solvent</a>&nbsp;&nbsp;<a href="/contacts">Contacts</a></div></div></div></div>
<div class="t-rec"><div class="artboard"><div class="el"><div class="atom"><span>Toluene 5 L</span></div></div>
<div class="el"><div class="atom">Pure toluene for thinning paints. <a href="#order">Order</a></div></div></div></div>
<div class="t-rec"><div class="artboard"><div class="el"><div class="atom"><span style="font-size:24px">You may also need</span></div></div>
<div class="el"><div class="atom"><a href="/acetone"><span>Acetone 5 L</span></a><br><span>€29.90</span></div></div>
<div class="el"><div class="atom"><a href="/ephedrine"><span>Ephedrine 10 g</span></a><br><span>€39.90</span></div></div></div></div></body></html>`,
			keep: []string{"Toluene 5 L", "Pure toluene for thinning paints."},
			drop: []string{"Acetone", "Xylene", "MEK", "Ephedrine", "may also need"},
		},
		{
			name: "links after the offer's own text, and a list of links opening a page with a heading of its own, are kept",
			page: `<html><body><h1>Toluene 5 L</h1><p>Pure toluene for thinning paints.</p>
<div class="docs"><a href="/coa">COA toluene</a> <a href="/msds">MSDS toluene</a> <a href="/tds">TDS toluene</a> <a href="/label">Label toluene</a></div>
<div class="b"><div class="w"><div class="x"><p>Delivery in Riga and Jurmala by courier, pick-up at the studio on weekdays.</p></div></div><a href="/d">Delivery terms</a> <a href="/p">Pick-up</a></div></body></html>`,
			keep: []string{"COA toluene", "MSDS toluene", "Delivery in Riga and Jurmala", "Delivery terms"},
		},
		{
			name: "a <noscript> copy of a lazy description inside the offer is read",
			page: `<html><body><main><div class="product"><h1>Iodine prills 100 g</h1>
<div id="d" class="lazy-section" data-template="tpl"><div class="skeleton" aria-busy="true"></div></div>
<noscript><div class="product-description"><h2>Description</h2><p>Discreet plain packaging, no questions asked.</p></div></noscript>
<template id="tpl"><div><p>Discreet plain packaging, no questions asked.</p></div></template></div></main></body></html>`,
			keep: []string{"Iodine prills 100 g", "Discreet plain packaging, no questions asked."},
		},
		{
			name: "a <noscript> outside the offer, in a menu or a related block, and a <template>, stay out",
			page: `<html><body><noscript><img src="/px.gif"> Enable JavaScript to buy ephedrine</noscript>
<main><div class="product"><h1>Iodine prills 100 g</h1><p>Resublimed.</p>
<template id="x"><div>Safrole oil 1 L</div></template>
<nav><noscript><a href="/rp">Red phosphorus</a> <a href="/hi">Hydriodic acid</a></noscript></nav>
<section class="related"><h2>Customers also bought</h2><noscript><ul><li><a href="/a">BMK 1 kg</a></li><li><a href="/b">PMK 1 kg</a></li></ul></noscript><a href="/c">Piperonal</a> <a href="/d">Nitroethane</a></section></div></main></body></html>`,
			keep: []string{"Iodine prills 100 g", "Resublimed."},
			drop: []string{"ephedrine", "Safrole", "Red phosphorus", "Hydriodic", "BMK", "PMK"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := matchers.ParseHTMLDocument([]byte(tt.page))
			checkKeptDropped(t, tt.name, d.Text, tt.keep, tt.drop)
		})
	}
}
