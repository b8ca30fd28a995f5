package main

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
)

// Round 7 of marketplaces, end to end through `precwatch crawl`. The
// shapes were written down before the earlier rounds' tests were read,
// then checked against them and docs/CRAWLING.md (grep); the covered ones
// (pagination under meta.pagination.links, items keyed by id, Atom
// <link href>, <base href> with protocol-relative links, Shift_JIS in the
// header only) were replaced:
//
//  1. a Discourse category as JSON (topic_list.topics) paged by
//     topic_list.more_topics_url, a relative address without ".json"
//     that Discourse answers with JSON only when asked for it
//  2. a Discourse topic as JSON whose posts' text is rendered HTML
//     ("cooked")
//  3. an Algolia-style GET search answering hits[] with a 0-based page
//     and nbPages, no next_page configured
//  4. a Telegram channel's web preview (t.me/s/…): messages as listings,
//     older ones behind a "more" link holding data-before
//  5. a Mercado Libre results page whose prices are split into
//     currency, fraction ("1.280") and cents spans
//  6. an Avito/OLX classified: location, date, and the phone number in
//     the "show number" button's data attribute
//  7. a phpBB "for sale" forum: topic links "./viewtopic.php?f=3&t=11&sid=…",
//     the first post of each topic is the listing
//  8. an Alibaba-style B2B product page: a price range per unit, MOQ and a
//     supplier box
//  9. a Rakuten-style Japanese shop in EUC-JP declared only in <meta>,
//     prices "1,280円"
//  10. an eBay-style listing with variations in a <select>
//  11. an RSS feed of listings used as the index of an html target
//     (follow: the items' <link>)
//  12. a XenForo forum: threads paged by pageNav-jump--next, the seller
//     in the first message's data-author
//
// and variants added while probing: the Discourse list without next_page,
// an undeclared EUC-JP page, a Shopware 6 pager of radio buttons in a
// form, an RSS feed in windows-1251 declared only in its XML declaration,
// a JSON API in windows-1251, OLX's app state as a JSON string, RSS links
// wrapped in whitespace and CDATA, and Cyrillic paths linked raw and
// percent-encoded. Failing before this round: 1 without next_page, 3
// (one empty page past nbPages, crawler/extract), 5, the undeclared
// EUC-JP page, Shopware and OLX.
func TestVariety7Shops(t *testing.T) {
	var srv *httptest.Server
	html := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, s)
	}
	jsonAnswer := func(w http.ResponseWriter, s string) {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		io.WriteString(w, s)
	}
	eucjp := func(s string) string {
		b, err := japanese.EUCJP.NewEncoder().String(s)
		if err != nil {
			t.Fatalf("encode %q: %v", s, err)
		}
		return b
	}
	srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, q := r.URL.Path, r.URL.Query()
		wantsJSON := strings.Contains(r.Header.Get("Accept"), "application/json") && !strings.Contains(r.Header.Get("Accept"), "text/html")
		switch {
		case p == "/robots.txt":
			http.NotFound(w, r)
		// 1. Discourse category.
		case p == "/dc/c/for-sale/5.json" || p == "/dc/c/for-sale/5" && wantsJSON:
			switch q.Get("page") {
			case "":
				jsonAnswer(w, `{"users":[{"id":1,"username":"chemking"}],"topic_list":{"can_create_topic":false,"more_topics_url":"/dc/c/for-sale/5?page=1","per_page":2,"topics":[{"id":101,"title":"Safrole oil 1 l, CAS 94-59-7","slug":"safrole-oil-1-l","posts_count":3},{"id":102,"title":"Acetone 5 l","slug":"acetone-5-l","posts_count":1}]}}`)
			case "1":
				jsonAnswer(w, `{"users":[],"topic_list":{"can_create_topic":false,"per_page":2,"topics":[{"id":103,"title":"BMK glycidate, CAS 5449-12-7","slug":"bmk-glycidate","posts_count":2}]}}`)
			default:
				jsonAnswer(w, `{"users":[],"topic_list":{"topics":[]}}`)
			}
		case p == "/dc/c/for-sale/5":
			html(w, `<html><body><noscript>Discourse needs JavaScript</noscript></body></html>`)
		// 2. Discourse topic.
		case p == "/dc/t/7.json":
			jsonAnswer(w, `{"id":7,"title":"Ephedrine HCl 1 kg","post_stream":{"posts":[{"id":70,"username":"chemking","cooked":"<p>Crypto only, <strong>no prescription</strong>.</p>\n<p>Wickr: chemking</p>","topic_slug":"ephedrine-hcl-1-kg"}]}}`)
		// 3. Algolia-style search.
		case p == "/alg/1/indexes/offers":
			pages := []string{
				`[{"objectID":"a1","name":"Red phosphorus 500 g"},{"objectID":"a2","name":"Lab funnel"}]`,
				`[{"objectID":"a3","name":"PMK glycidate 1 kg"},{"objectID":"a4","name":"Beaker 250 ml"}]`,
				`[{"objectID":"a5","name":"Safrole 99%"}]`,
			}
			n := 0
			fmt.Sscan(q.Get("page"), &n)
			if n < 0 || n >= len(pages) {
				jsonAnswer(w, `{"hits":[],"page":`+q.Get("page")+`,"nbPages":3,"hitsPerPage":2,"nbHits":5}`)
				return
			}
			jsonAnswer(w, fmt.Sprintf(`{"hits":%s,"page":%d,"nbPages":3,"hitsPerPage":2,"nbHits":5,"query":""}`, pages[n], n))
		// 4. Telegram channel preview.
		case p == "/tg/s/chemdeals":
			msg := func(id, text string) string {
				return fmt.Sprintf(`<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message js-widget_message" data-post="chemdeals/%s"><div class="tgme_widget_message_text js-message_text" dir="auto">%s</div><div class="tgme_widget_message_footer"><a class="tgme_widget_message_date" href="%s/tg/chemdeals/%s"><time datetime="2026-11-20T10:00:00+00:00" class="time">10:00</time></a></div></div></div>`, id, text, srv.URL, id)
			}
			switch q.Get("before") {
			case "":
				html(w, `<html><body><section class="tgme_channel_history js-message_history"><div class="tgme_widget_message_centered js-messages_more_wrap"><a href="/tg/s/chemdeals?before=11" class="tme_messages_more js-messages_more" data-before="11"></a></div>`+msg("11", "Nitroethane 1 l in stock, DM @nitro_shop")+msg("12", "GBL 5 l<br/>discreet shipping")+`</section></body></html>`)
			case "11":
				html(w, `<html><body><section class="tgme_channel_history js-message_history">`+msg("10", "Safrole oil 500 ml, Wickr: saf")+`</section></body></html>`)
			default:
				http.NotFound(w, r)
			}
		// 5. Mercado Libre results.
		case p == "/ml/listado/safrol":
			card := func(id, title, frac, cents string) string {
				return fmt.Sprintf(`<li class="ui-search-layout__item"><div class="poly-card"><h2 class="poly-component__title-wrapper"><a class="poly-component__title" href="/ml/MLB-%s-item">%s</a></h2><div class="poly-price__current"><span class="andes-money-amount andes-money-amount--cents-superscript"><span class="andes-money-amount__currency-symbol" aria-hidden="true">R$</span><span class="andes-money-amount__fraction" aria-hidden="true">%s</span><span class="andes-money-amount__cents andes-money-amount__cents--superscript-24" aria-hidden="true">%s</span></span></div></div></li>`, id, title, frac, cents)
			}
			html(w, `<html><body><ol class="ui-search-layout">`+card("1", "Óleo de safrol 1 l", "1.280", "00")+card("2", "Acetona 5 l", "89", "90")+`</ol></body></html>`)
		// 6. Avito-style classified.
		case p == "/av/moskva/himiya/safrol_2871":
			html(w, `<html><body><h1 class="title-info-title">Сафрол 1 л</h1><div class="item-description">Доставка по России, оплата криптой</div><span class="price-value">15 000 ₽</span><div class="item-address"><span class="item-address__string">Москва, м. Сокол</span></div><div class="title-info-metadata-item-redesign">20 ноября в 10:15</div><div class="seller-info-name"><a href="/av/user/9">ХимТорг</a></div><button class="js-item-phone-button button-button" data-marker="item-phone-button" data-phone="+7 999 123-45-67">Показать телефон</button></body></html>`)
		// 7. phpBB.
		case p == "/bb/viewforum.php":
			if q.Get("start") == "" {
				html(w, `<html><body><ul class="topiclist topics"><li class="row"><dl><dt><a href="./viewtopic.php?f=3&amp;t=11&amp;sid=0a1b2c3d4e5f60718293a4b5c6d7e8f9" class="topictitle">WTS: safrole</a></dt></dl></li></ul><div class="pagination"><ul><li class="active"><span>1</span></li><li><a class="button" href="./viewforum.php?f=3&amp;sid=0a1b2c3d4e5f60718293a4b5c6d7e8f9&amp;start=25" role="button">2</a></li><li class="arrow next"><a class="button button-icon-only" href="./viewforum.php?f=3&amp;sid=0a1b2c3d4e5f60718293a4b5c6d7e8f9&amp;start=25" rel="next" role="button"><span class="sr-only">Next</span></a></li></ul></div></body></html>`)
				return
			}
			html(w, `<html><body><ul class="topiclist topics"><li class="row"><dl><dt><a href="./viewtopic.php?f=3&amp;t=12&amp;sid=ffeeddccbbaa99887766554433221100" class="topictitle">WTS: acetone</a></dt></dl></li></ul></body></html>`)
		case p == "/bb/viewtopic.php":
			posts := map[string][2]string{"11": {"Safrole oil 1 l, CAS 94-59-7", "Discreet shipping, Wickr: saf"}, "12": {"Acetone 5 l", "Lab grade solvent"}}
			post, ok := posts[q.Get("t")]
			if !ok {
				http.NotFound(w, r)
				return
			}
			html(w, `<html><body><h2 class="topic-title"><a href="./viewtopic.php?t=`+q.Get("t")+`">`+post[0]+`</a></h2><div class="post has-profile bg2"><div class="postbody"><p class="author"><a class="username" href="./memberlist.php?mode=viewprofile&amp;u=2">chemking</a></p><div class="content">`+post[1]+`</div></div></div><div class="post has-profile bg1"><div class="postbody"><p class="author"><a class="username" href="./memberlist.php?mode=viewprofile&amp;u=3">buyer</a></p><div class="content">PM sent</div></div></div></body></html>`)
		// 8. Alibaba-style B2B.
		case p == "/b2b/product-detail/Safrole-Oil_1600123.html":
			html(w, `<html><body><h1 class="product-title">Safrole Oil CAS 94-59-7 High Purity 99%</h1><div class="price-range"><span class="price">US $10.00 - $50.00</span><span class="unit">/ kg</span></div><div class="moq">Min. order: 1 kg</div><div class="supplier-card"><a class="company-name" href="/b2b/company/77">Hebei Chem Trading Co., Ltd.</a><span class="location">CN</span><span class="years">5 yrs</span></div><div class="product-description">Fast delivery to EU, door to door.</div></body></html>`)
		// 9. Rakuten-style EUC-JP.
		case p == "/rk/item/acetone-500":
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, `<html><head><meta http-equiv="Content-Type" content="text/html; charset=EUC-JP"><title>`+eucjp("アセトン 500ml")+`</title></head><body><h1 class="item_name">`+eucjp("アセトン 500ml 試薬")+`</h1><span class="price2">`+eucjp("1,280円")+`</span><div class="item_desc">`+eucjp("送料無料")+`</div></body></html>`)
		case p == "/rk/item/ethanol":
			// EUC-JP, declared nowhere.
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, `<html><head><title>`+eucjp("無水エタノール")+`</title></head><body><h1 class="item_name">`+eucjp("無水エタノール 500ml 販売中")+`</h1><span class="price2">`+eucjp("980円（税込）")+`</span></body></html>`)
		// 10. eBay-style variations.
		case p == "/eb/itm/1234567890":
			html(w, `<html><body><h1 class="x-item-title__mainTitle"><span class="ux-textspans ux-textspans--BOLD">Ephedrine HCl powder</span></h1><div class="x-price-primary"><span class="ux-textspans">US $45.00</span></div><div class="x-msku__select-box-wrapper"><select class="x-msku__select-box" id="x-msku__select-box-1000"><option value="-1" selected>- Select -</option><option value="0">10 g</option><option value="1">50 g</option></select></div><div class="x-sellercard-atf__info__about-seller"><a href="/eb/str/pharma"><span class="ux-textspans">pharma_direct</span></a></div><div id="desc" class="d-item-description">No prescription needed.</div></body></html>`)
		// 11. RSS as the index of an html target.
		case p == "/rss/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
			fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>New ads</title><link>%[1]s/rss/</link><item><title>Ad 1</title><link>%[1]s/rss/ad/1</link><guid isPermaLink="true">%[1]s/rss/ad/1</guid></item><item><title>Ad 2</title><link>%[1]s/rss/ad/2</link></item></channel></rss>`, srv.URL)
		case p == "/rss/ad/1":
			html(w, `<html><body><h1>Nitroethane 1 l</h1><div class="body">Shipping worldwide</div></body></html>`)
		case p == "/rss/ad/2":
			html(w, `<html><body><h1>Benzyl cyanide 500 ml</h1><div class="body">Crypto only</div></body></html>`)
		// 12. XenForo.
		case p == "/xf/forums/marketplace.4/" || p == "/xf/forums/marketplace.4/page-2":
			thread, next := "safrole-oil.21", `<a href="/xf/forums/marketplace.4/page-2" class="pageNav-jump pageNav-jump--next">Next</a>`
			if strings.HasSuffix(p, "page-2") {
				thread, next = "acetone.22", ""
			}
			html(w, `<html><body><div class="structItem structItem--thread"><div class="structItem-title"><a href="/xf/threads/`+thread+`/" data-tp-primary="on" data-xf-init="preview-tooltip" data-preview-url="/xf/threads/`+thread+`/preview">WTS</a></div></div><nav class="pageNavWrapper"><div class="pageNav">`+next+`</div></nav></body></html>`)
		case p == "/xf/threads/safrole-oil.21/" || p == "/xf/threads/acetone.22/":
			title, author := "Safrole oil 1 l", "chemking"
			if strings.Contains(p, "acetone") {
				title, author = "Acetone 5 l", "solvents4u"
			}
			html(w, `<html><body><div class="p-title"><h1 class="p-title-value">`+title+`</h1></div><article class="message message--post" data-author="`+author+`" data-content="post-1"><div class="message-content"><div class="bbWrapper">Price in PM, ships from NL</div></div></article><article class="message message--post" data-author="buyer" data-content="post-2"><div class="bbWrapper">bump</div></article></body></html>`)
		// 13. Shopware 6: the pager is radio inputs in a form.
		case p == "/sw/chemicals/":
			n := q.Get("p")
			if n == "" {
				n = "1"
			}
			next := ""
			if n == "1" {
				next = `<li class="page-item page-next"><input type="radio" name="p" id="p-next-bottom" value="2" class="d-none" title="pagination"><label class="page-link" for="p-next-bottom">Next</label></li>`
			}
			html(w, `<html><body><div class="cms-element-product-listing"><div class="card product-box"><a class="product-name" href="/sw/safrole-`+n+`/SW1000`+n+`">x</a></div></div><form class="pagination-form" action="/sw/chemicals/" method="get" data-listing-pagination="true"><nav><ul class="pagination"><li class="page-item page-first disabled"><input type="radio" name="p" id="p-first-bottom" value="1" class="d-none" disabled></li>`+next+`</ul></nav></form></body></html>`)
		case strings.HasPrefix(p, "/sw/safrole-"):
			html(w, `<html><body><h1 class="product-detail-name">Safrole `+p[len("/sw/safrole-"):len("/sw/safrole-")+1]+`</h1><div class="product-detail-description-text">Wickr: saf</div></body></html>`)
		// 14. A Russian RSS feed in windows-1251 declared only in its XML declaration.
		case p == "/ru/rss":
			w.Header().Set("Content-Type", "application/rss+xml")
			b, _ := charmap.Windows1251.NewEncoder().String(`<?xml version="1.0" encoding="windows-1251"?><rss version="2.0"><channel><title>Объявления</title><item><title>Сафрол 1 л</title><link>` + srv.URL + `/ru/ad/5</link><description>Доставка по России</description></item></channel></rss>`)
			io.WriteString(w, b)
		// 15. A JSON API in windows-1251 (declared in the header).
		case p == "/ru/api/ads":
			w.Header().Set("Content-Type", "application/json; charset=windows-1251")
			b, _ := charmap.Windows1251.NewEncoder().String(`{"ads":[{"id":6,"title":"Нитроэтан 1 л","text":"Оплата криптой"}]}`)
			io.WriteString(w, b)
		// 16. OLX: the app state a JSON string holding JSON.
		case p == "/olx/d/list/q-safrol/":
			html(w, `<html><head><script>window.__PRERENDERED_STATE__= "{\"listing\":{\"listing\":{\"ads\":[{\"id\":8801,\"title\":\"Safrol 1 l\",\"description\":\"Wysyłka kurierem, płatność BTC\",\"url\":\"https:\\u002F\\u002Fwww.olx.example\\u002Fd\\u002Foferta\\u002Fsafrol-8801.html\"}]}}}";
window.__TAURUS__ = {};</script></head><body><div id="root"></div></body></html>`)
		// 17. An RSS feed whose <link>s are wrapped in whitespace and CDATA.
		case p == "/rss2/feed.xml":
			w.Header().Set("Content-Type", "text/xml")
			fmt.Fprintf(w, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>\n<item>\n  <title><![CDATA[GBL 5 l]]></title>\n  <link>\n    %[1]s/rss2/ad/31\n  </link>\n</item>\n<item><title>x</title><link><![CDATA[%[1]s/rss2/ad/32]]></link></item>\n</channel></rss>", srv.URL)
		case p == "/rss2/ad/31" || p == "/rss2/ad/32":
			html(w, `<html><body><h1>Ad `+p[len(p)-2:]+`</h1></body></html>`)
		// 18. A Russian classified with Cyrillic paths, linked raw and percent-encoded.
		case p == "/доска/химия/":
			html(w, `<html><body><a class="ad" href="/доска/химия/сафрол-77">Сафрол</a><a class="ad" href="/%D0%B4%D0%BE%D1%81%D0%BA%D0%B0/%d1%85%d0%b8%d0%bc%d0%b8%d1%8f/%D1%81%D0%B0%D1%84%D1%80%D0%BE%D0%BB-77">Сафрол</a><a class="ad" href="/доска/химия/ацетон-78">Ацетон</a></body></html>`)
		case p == "/доска/химия/сафрол-77" || p == "/доска/химия/ацетон-78":
			html(w, `<html><body><h1>`+strings.TrimPrefix(p, "/доска/химия/")+`</h1></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: discourse
    platform: Discourse
    kind: json
    start_urls: ["%[1]s/dc/c/for-sale/5.json"]
    allow_private_networks: true
    delay: 0s
    json:
      items: topic_list.topics
      next_page: topic_list.more_topics_url
      fields: {id: id, title: title, url: "%[1]s/dc/t/{slug}/{id}"}
  - name: discourse-auto
    platform: Discourse
    kind: json
    start_urls: ["%[1]s/dc/c/for-sale/5.json"]
    allow_private_networks: true
    delay: 0s
    json:
      items: topic_list.topics
      fields: {id: slug, title: title}
  - name: discourse-topic
    platform: Discourse
    kind: json
    start_urls: ["%[1]s/dc/t/7.json"]
    allow_private_networks: true
    delay: 0s
    json:
      items: post_stream.posts
      fields: {id: id, title: topic_slug, description: cooked, seller: username}
  - name: algolia
    platform: Algolia
    kind: json
    start_urls: ["%[1]s/alg/1/indexes/offers?query=&page=0&hitsPerPage=2"]
    allow_private_networks: true
    delay: 0s
    json:
      items: hits
      fields: {id: objectID, title: name}
  - name: telegram
    platform: Telegram
    start_urls: ["%[1]s/tg/s/chemdeals"]
    allow_private_networks: true
    delay: 0s
    next_page: ["a.tme_messages_more"]
    listing:
      item: div.tgme_widget_message
      fields: {id: "@data-post", url: "a.tgme_widget_message_date@href", description: div.tgme_widget_message_text}
  - name: mercadolibre
    platform: MercadoLibre
    start_urls: ["%[1]s/ml/listado/safrol"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: li.ui-search-layout__item
      fields: {url: "a.poly-component__title@href", title: a.poly-component__title, price: .andes-money-amount}
  - name: avito
    platform: Avito
    start_urls: ["%[1]s/av/moskva/himiya/safrol_2871"]
    allow_private_networks: true
    delay: 0s
    listing:
      fields: {title: h1, description: .item-description, price: .price-value, location: .item-address__string, seller: .seller-info-name a, posted: .title-info-metadata-item-redesign, phone: "button[data-marker=item-phone-button]@data-phone"}
  - name: phpbb
    platform: PhpBB
    start_urls: ["%[1]s/bb/viewforum.php?f=3"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.topictitle"]
    next_page: ["li.next a"]
    listing:
      url_pattern: "viewtopic\\.php\\?f=\\d+&t=\\d+"
      fields: {title: h2.topic-title, description: "div.post .content:first", seller: "div.post a.username:first"}
  - name: b2b
    platform: B2B
    start_urls: ["%[1]s/b2b/product-detail/Safrole-Oil_1600123.html"]
    allow_private_networks: true
    delay: 0s
    listing:
      fields: {title: h1.product-title, price: .price-range, description: .product-description, seller: .supplier-card .company-name, location: .supplier-card .location, moq: .moq}
  - name: rakuten
    platform: Rakuten
    start_urls: ["%[1]s/rk/item/acetone-500", "%[1]s/rk/item/ethanol"]
    allow_private_networks: true
    delay: 0s
    listing:
      fields: {title: h1.item_name, price: span.price2, description: .item_desc}
  - name: ebay
    platform: Ebay
    start_urls: ["%[1]s/eb/itm/1234567890"]
    allow_private_networks: true
    delay: 0s
    listing:
      fields: {title: h1.x-item-title__mainTitle, price: .x-price-primary, seller: ".x-sellercard-atf__info__about-seller a", description: "#desc", variants: "select.x-msku__select-box option"}
  - name: rss
    platform: RSS
    start_urls: ["%[1]s/rss/feed.xml"]
    allow_private_networks: true
    delay: 0s
    follow: ["item link"]
    listing:
      url_pattern: "^/rss/ad/\\d+$"
      fields: {title: h1, description: div.body}
  - name: xenforo
    platform: XenForo
    start_urls: ["%[1]s/xf/forums/marketplace.4/"]
    allow_private_networks: true
    delay: 0s
    follow: [".structItem-title a"]
    next_page: ["a.pageNav-jump--next"]
    listing:
      url_pattern: "^/xf/threads/[^/]+\\.\\d+/$"
      fields: {title: h1.p-title-value, description: "article.message .bbWrapper:first", seller: "article.message:first@data-author"}
  - name: shopware
    platform: Shopware
    start_urls: ["%[1]s/sw/chemicals/"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.product-name"]
    next_page: ["li.page-next input"]
    listing:
      url_pattern: "^/sw/safrole-"
      fields: {title: h1.product-detail-name, description: .product-detail-description-text}
  - name: rss1251
    platform: RSS1251
    kind: html
    start_urls: ["%[1]s/ru/rss"]
    allow_private_networks: true
    delay: 0s
    listing:
      item: item
      fields: {url: link, title: title, description: description}
  - name: json1251
    platform: JSON1251
    kind: json
    start_urls: ["%[1]s/ru/api/ads"]
    allow_private_networks: true
    delay: 0s
    json:
      items: ads
      fields: {id: id, title: title, description: text}
  - name: olx
    platform: OLX
    kind: json
    start_urls: ["%[1]s/olx/d/list/q-safrol/"]
    allow_private_networks: true
    delay: 0s
    json:
      items: listing.listing.ads
      fields: {id: id, title: title, description: description, url: url}
  - name: rss2
    platform: RSS2
    start_urls: ["%[1]s/rss2/feed.xml"]
    allow_private_networks: true
    delay: 0s
    follow: ["item link"]
    listing:
      url_pattern: "^/rss2/ad/\\d+$"
      fields: {title: h1}
  - name: cyrillic
    platform: Cyrillic
    start_urls: ["%[1]s/доска/химия/"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.ad"]
    listing:
      url_pattern: "^/доска/химия/[^/]+-\\d+$"
      fields: {title: h1}
`, srv.URL))
	for _, tc := range []struct{ key, title, price, desc, seller, loc string }{
		{"101", "Safrole oil 1 l, CAS 94-59-7", "", "", "", ""},
		{"102", "Acetone 5 l", "", "", "", ""},
		{"103", "BMK glycidate, CAS 5449-12-7", "", "", "", ""},
		{"70", "ephedrine-hcl-1-kg", "", "Crypto only, no prescription. Wickr: chemking", "chemking", ""},
		{"safrole-oil-1-l", "Safrole oil 1 l, CAS 94-59-7", "", "", "", ""},
		{"bmk-glycidate", "BMK glycidate, CAS 5449-12-7", "", "", "", ""},
		{"chemdeals/12", "", "", "GBL 5 l discreet shipping", "", ""},
		{"/sw/safrole-1/SW10001", "Safrole 1", "", "", "", ""},
		{"/sw/safrole-2/SW10002", "Safrole 2", "", "", "", ""},
		{"/ru/ad/5", "Сафрол 1 л", "", "Доставка по России", "", ""},
		{"6", "Нитроэтан 1 л", "", "Оплата криптой", "", ""},
		{"8801", "Safrol 1 l", "", "Wysyłka kurierem, płatność BTC", "", ""},
		{"/rss2/ad/31", "Ad 31", "", "", "", ""},
		{"/rss2/ad/32", "Ad 32", "", "", "", ""},
		{"/%D0%B4%D0%BE%D1%81%D0%BA%D0%B0/%D1%85%D0%B8%D0%BC%D0%B8%D1%8F/%D1%81%D0%B0%D1%84%D1%80%D0%BE%D0%BB-77", "сафрол-77", "", "", "", ""},
		{"a1", "Red phosphorus 500 g", "", "", "", ""},
		{"a3", "PMK glycidate 1 kg", "", "", "", ""},
		{"a5", "Safrole 99%", "", "", "", ""},
		{"chemdeals/10", "", "", "Safrole oil 500 ml, Wickr: saf", "", ""},
		{"chemdeals/11", "", "", "Nitroethane 1 l in stock, DM @nitro_shop", "", ""},
		{"/ml/MLB-1-item", "Óleo de safrol 1 l", "R$1.280,00", "", "", ""},
		{"/ml/MLB-2-item", "Acetona 5 l", "R$89.90", "", "", ""},
		{"/av/moskva/himiya/safrol_2871", "Сафрол 1 л", "15 000 ₽", "Доставка по России, оплата криптой", "ХимТорг", "Москва, м. Сокол"},
		{"/bb/viewtopic.php?f=3&t=11", "Safrole oil 1 l, CAS 94-59-7", "", "Discreet shipping, Wickr: saf", "chemking", ""},
		{"/bb/viewtopic.php?f=3&t=12", "Acetone 5 l", "", "Lab grade solvent", "chemking", ""},
		{"/b2b/product-detail/Safrole-Oil_1600123.html", "Safrole Oil CAS 94-59-7 High Purity 99%", "US $10.00 - $50.00/ kg", "Fast delivery to EU, door to door.", "Hebei Chem Trading Co., Ltd.", "CN"},
		{"/rk/item/acetone-500", "アセトン 500ml 試薬", "1,280円", "送料無料", "", ""},
		{"/rk/item/ethanol", "無水エタノール 500ml 販売中", "980円（税込）", "", "", ""},
		{"/eb/itm/1234567890", "Ephedrine HCl powder", "US $45.00", "No prescription needed.", "pharma_direct", ""},
		{"/rss/ad/1", "Nitroethane 1 l", "", "Shipping worldwide", "", ""},
		{"/rss/ad/2", "Benzyl cyanide 500 ml", "", "Crypto only", "", ""},
		{"/xf/threads/safrole-oil.21", "Safrole oil 1 l", "", "Price in PM, ships from NL", "chemking", ""},
		{"/xf/threads/acetone.22", "Acetone 5 l", "", "Price in PM, ships from NL", "solvents4u", ""},
	} {
		l, ok := got[tc.key]
		if !ok {
			t.Errorf("%s: not extracted", tc.key)
			continue
		}
		for _, f := range [][3]string{{"title", l.Title, tc.title}, {"price", l.Price, tc.price}, {"description", l.Description, tc.desc}, {"seller", l.Seller, tc.seller}, {"location", l.Location, tc.loc}} {
			if f[2] != "" && f[1] != f[2] {
				t.Errorf("%s: %s %q, want %q", tc.key, f[0], f[1], f[2])
			}
		}
	}
	if a := got["/av/moskva/himiya/safrol_2871"].Attributes; a["phone"] != "+7 999 123-45-67" || a["posted"] != "20 ноября в 10:15" {
		t.Errorf("avito: attributes %v, want phone and posted", a)
	}
	if a := got["/b2b/product-detail/Safrole-Oil_1600123.html"].Attributes; a["moq"] != "Min. order: 1 kg" {
		t.Errorf("b2b: attributes %v, want moq", a)
	}
	if a := got["/eb/itm/1234567890"].Attributes; !strings.Contains(a["variants"], "10 g, 50 g") {
		t.Errorf("ebay: attributes %v, want variants", a)
	}
	if t.Failed() {
		keys := make([]string, 0, len(got))
		for k := range got {
			keys = append(keys, k)
		}
		t.Logf("got listings %q\n%s", keys, out)
	}
	for _, name := range []string{"discourse", "discourse-topic", "algolia", "telegram", "mercadolibre", "avito", "phpbb", "b2b", "rakuten", "ebay", "rss", "xenforo", "discourse-auto", "shopware", "rss1251", "json1251", "olx", "rss2", "cyrillic"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes\n%s", name, c, out)
		}
	}
}

// TestVariety7SloppyServers crawls two more shops end to end: a PHP API
// that answers its JSON feed as text/html and whose next page is a query
// string only ("?page=2"), and a shop whose robots.txt is its HTML
// not-found page answered with status 200 (nothing disallowed).
func TestVariety7SloppyServers(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<!DOCTYPE html><html><head><title>Page not found</title></head><body><h1>Oops! Page not found</h1><p>Disallow nothing. Try the <a href="/">home page</a>.</p></body></html>`)
		case "/api.php":
			w.Header().Set("Content-Type", "text/html; charset=UTF-8")
			switch r.URL.Query().Get("page") {
			case "", "1":
				io.WriteString(w, `{"status":"ok","items":[{"id":"p1","name":"Safrole oil 1 l, CAS 94-59-7"}],"next":"?page=2"}`)
			case "2":
				io.WriteString(w, `{"status":"ok","items":[{"id":"p2","name":"Acetone 5 l"}],"next":null}`)
			default:
				http.NotFound(w, r)
			}
		case "/shop/list":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<html><body><a class="o" href="/shop/p/1">1</a></body></html>`)
		case "/shop/p/1":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, `<html><body><h1>BMK glycidate, CAS 5449-12-7</h1></body></html>`)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	got, _, out := crawl4(t, nil, fmt.Sprintf(`data_dir: DATA
targets:
  - name: php-api
    platform: PHP
    kind: json
    start_urls: ["%[1]s/api.php?page=1"]
    allow_private_networks: true
    delay: 0s
    json:
      items: items
      fields: {id: id, title: name}
  - name: html-robots
    platform: HTMLRobots
    start_urls: ["%[1]s/shop/list"]
    allow_private_networks: true
    delay: 0s
    follow: ["a.o"]
    listing:
      url_pattern: "^/shop/p/\\d+$"
      fields: {title: h1}
`, srv.URL))
	for key, title := range map[string]string{"p1": "Safrole oil 1 l, CAS 94-59-7", "p2": "Acetone 5 l", "/shop/p/1": "BMK glycidate, CAS 5449-12-7"} {
		if l, ok := got[key]; !ok || l.Title != title {
			t.Errorf("%s: title %q (extracted %v), want %q\n%s", key, l.Title, ok, title, out)
		}
	}
	for _, name := range []string{"php-api", "html-robots"} {
		if c := completeColumn(out, name); c != "yes" {
			t.Errorf("%s: complete %q, want yes\n%s", name, c, out)
		}
	}
}
