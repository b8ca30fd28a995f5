package extract

import (
	"net/url"
	"regexp"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// ASP.NET WebForms pagers are links that post the page's one form back to
// the server with the control that was clicked in __EVENTTARGET and the
// command in __EVENTARGUMENT:
//
//	<a href="javascript:__doPostBack('ctl00$Main$Grid','Page$2')">2</a>
//	<a href="javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions(
//	    &quot;ctl00$Main$Pager$ctl02$ctl00&quot;, &quot;&quot;, true, &quot;&quot;, &quot;&quot;, false, true))">Next</a>
//
// Such a next page has no URL of its own. The crawler's frontier names it
// by the form's action and the page number in a fragment (PostbackURL;
// fragments are never sent), and Page.Postbacks holds the form body to
// post there: every control of the form (the hidden __VIEWSTATE,
// __EVENTVALIDATION, __VIEWSTATEGENERATOR included) with __EVENTTARGET and
// __EVENTARGUMENT set as the link's script sets them.

// postbackPrefix starts the fragment of a postback page's name.
const postbackPrefix = "pw-postback:page="

// PostbackURL names page n of a catalogue paged by posting its form back
// to action ("…/List.aspx?cat=5#pw-postback:page=2").
func PostbackURL(action string, n int) string {
	action, _, _ = strings.Cut(action, "#")
	return action + "#" + postbackPrefix + strconv.Itoa(n)
}

// PostbackPage returns the page number a postback page's name holds (see
// PostbackURL), or 0 when pageURL names no postback.
func PostbackPage(pageURL string) int {
	_, frag, _ := strings.Cut(pageURL, "#")
	rest, ok := strings.CutPrefix(frag, postbackPrefix)
	if !ok {
		return 0
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 1 {
		return 0
	}
	return n
}

// PostbackAt names the postback page pageURL names at final, the address
// its request ended at (after a redirect); pageURL itself when it names
// no postback.
func PostbackAt(pageURL, final string) string {
	n := PostbackPage(pageURL)
	if n == 0 || final == "" {
		return pageURL
	}
	return PostbackURL(final, n)
}

// postback is a WebForms postback a link's script makes.
type postback struct {
	target, argument string
	// action is WebForm_PostBackOptions' actionUrl (a cross-page
	// postback), "" for the form's own action.
	action string
	// button is set when the postback submits the clicked button
	// itself (WebForm_PostBackOptions' clientSubmit false) rather than
	// __EVENTTARGET.
	button bool
}

// parsePostback reads the postback a javascript: href or an onclick
// makes: __doPostBack(target, argument) or
// WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions(target,
// argument, validation, group, actionUrl, trackFocus, clientSubmit)).
func parsePostback(js string) (postback, bool) {
	if strings.Contains(js, "%27") || strings.Contains(js, "%22") || strings.Contains(js, "%24") {
		// A percent-encoded javascript: URL, as some themes write it.
		if un, err := url.PathUnescape(js); err == nil {
			js = un
		}
	}
	if _, rest, ok := strings.Cut(js, "WebForm_PostBackOptions("); ok {
		args := jsArgs(rest)
		pb, ok := postbackTarget(args)
		if ok && len(args) > 4 {
			pb.action = args[4]
		}
		pb.button = ok && len(args) > 6 && args[6] == "false"
		return pb, ok
	}
	if _, rest, ok := strings.Cut(js, "__doPostBack("); ok {
		return postbackTarget(jsArgs(rest))
	}
	return postback{}, false
}

// jsArgs reads the arguments of a JavaScript call from just after its
// "(" to its ")": string literals as their text, other tokens (true,
// false, null, numbers) as written.
func jsArgs(s string) []string {
	var args []string
	i := 0
	for i < len(s) {
		for i < len(s) && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r') {
			i++
		}
		if i >= len(s) || s[i] == ')' {
			return args
		}
		var v strings.Builder
		if q := s[i]; q == '\'' || q == '"' {
			i++
			for i < len(s) && s[i] != q {
				if s[i] == '\\' && i+1 < len(s) {
					i++
				}
				v.WriteByte(s[i])
				i++
			}
			i++ // the closing quote
		} else {
			for i < len(s) && s[i] != ',' && s[i] != ')' {
				v.WriteByte(s[i])
				i++
			}
		}
		args = append(args, strings.TrimSpace(v.String()))
		for i < len(s) && s[i] != ',' && s[i] != ')' {
			i++
		}
		if i < len(s) && s[i] == ',' {
			i++
		}
	}
	return args
}

// postbackOf returns the postback an element's href, or else its
// onclick, makes.
func postbackOf(n *html.Node) (postback, bool) {
	for _, k := range []string{"href", "onclick"} {
		if v, ok := attr(n, k); ok {
			if pb, ok := parsePostback(v); ok {
				return pb, true
			}
		}
	}
	return postback{}, false
}

// postbackWithin returns n, or else its first descendant, that makes a
// postback (a pager's <li class="next"> holding the link), with it.
func postbackWithin(n *html.Node) (*html.Node, postback, bool) {
	var el *html.Node
	var pb postback
	walk(n, func(c *html.Node) {
		if el != nil || c.Type != html.ElementNode {
			return
		}
		if p, ok := postbackOf(c); ok {
			el, pb = c, p
		}
	})
	return el, pb, el != nil
}

// pageArgument matches a GridView's (DetailsView's, FormView's) pager
// command: Page$2, Page$Next, Page$Last.
var pageArgument = regexp.MustCompile(`(?i)^Page\$(\d+|Next|Prev|First|Last)$`)

// commandArgument matches a grid's other commands, which are no pagers.
var commandArgument = regexp.MustCompile(`(?i)^(Sort|Select|Edit|Delete|Update|Cancel|Insert|New)\$`)

// pagerWord matches the names (control ids, classes) of pagers.
var pagerWord = regexp.MustCompile(`(?i)pager|paging|pagination|\bpgr\b`)

// pagerControl matches the last part of a paging control's id (lnkNext,
// lbPage3, btnNextPage); nextControl one that leads to the next page.
var (
	pagerControl = regexp.MustCompile(`(?i)next|page`)
	nextControl  = regexp.MustCompile(`(?i)next(page)?$`)
)

// controlName returns the last part of a control's UniqueID
// ("ctl00$Main$lnkNext" → "lnkNext").
func controlName(target string) string {
	return target[strings.LastIndexAny(target, "$:")+1:]
}

// nextWord matches the text of a "next page" link or button.
var nextWord = regexp.MustCompile(`(?i)^(next( page)?|›|»|>|>>|→|weiter|nächste( seite)?|suivant(e)?|siguiente|successiv[oa]|próxima|volgende|następna|далее|следующая|вперед|вперёд|下一页|下页|次へ|다음)$`)

// pagerPostback reports whether a postback of n is a pager's: a grid's
// Page$… command, a control named for paging (a DataPager, lnkNextPage),
// a link marked rel=next, or one inside an element whose class or id
// names a pager. A grid's other commands (Sort$…, Select$…) are not.
func pagerPostback(n *html.Node, pb postback) bool {
	if pageArgument.MatchString(pb.argument) {
		return true
	}
	if commandArgument.MatchString(pb.argument) {
		return false
	}
	if pagerWord.MatchString(pb.target) || pagerControl.MatchString(controlName(pb.target)) {
		return true
	}
	if rel, _ := attr(n, "rel"); strings.Contains(strings.ToLower(rel), "next") {
		return true
	}
	for p, i := n.Parent, 0; p != nil && i < 5; p, i = p.Parent, i+1 {
		if p.Type != html.ElementNode {
			continue
		}
		class, _ := attr(p, "class")
		id, _ := attr(p, "id")
		if pagerWord.MatchString(class) || pagerWord.MatchString(id) {
			return true
		}
	}
	return false
}

// saysNext reports whether a pager's link or button says it leads to the
// next page: by its text, value, title or aria-label, rel=next, or a
// control id ending in "Next" (lnkNext, btnNextPage).
func saysNext(n *html.Node, pb postback) bool {
	texts := []string{visibleText(n)}
	for _, k := range []string{"value", "title", "aria-label", "alt"} {
		if v, ok := attr(n, k); ok {
			texts = append(texts, v)
		}
	}
	for _, t := range texts {
		if nextWord.MatchString(strings.TrimSpace(t)) {
			return true
		}
	}
	if rel, _ := attr(n, "rel"); strings.Contains(strings.ToLower(rel), "next") {
		return true
	}
	return nextControl.MatchString(controlName(pb.target))
}

// pageOf returns the page a postback asks for, seen from page cur: a
// grid's Page$K is page K, any other next link page cur+1.
func pageOf(pb postback, cur int) int {
	if m := pageArgument.FindStringSubmatch(pb.argument); m != nil {
		if k, err := strconv.Atoi(m[1]); err == nil {
			return k
		}
	}
	return cur + 1
}

// postbackPager finds the next page of a catalogue whose pager posts the
// form back (no next_page configured): among the page's pager postbacks
// (see pagerPostback), the grid's Page$cur+1, else the link reading
// cur+1, else Page$Next, else a link saying "next", else the lowest
// Page$K after cur. It returns the next page's name (PostbackURL), its
// form body kept in Page.Postbacks.
func (b *builder) postbackPager(root *html.Node) (string, bool) {
	type cand struct {
		n  *html.Node
		pb postback
	}
	var cands []cand
	walk(root, func(n *html.Node) {
		if n.Type != html.ElementNode || n.DataAtom == atom.Script || n.DataAtom == atom.Template {
			return
		}
		if pb, ok := postbackOf(n); ok && pagerPostback(n, pb) {
			cands = append(cands, cand{n, pb})
		}
	})
	if len(cands) == 0 {
		return "", false
	}
	cur := b.postbackCur
	next := strconv.Itoa(cur + 1)
	pick := func(ok func(c cand) bool) (string, bool) {
		for _, c := range cands {
			if ok(c) {
				if id, done := b.postbackNext(c.n, c.pb, pageOf(c.pb, cur)); done {
					return id, true
				}
			}
		}
		return "", false
	}
	tries := []func(c cand) bool{
		func(c cand) bool { return strings.EqualFold(c.pb.argument, "Page$"+next) },
		func(c cand) bool {
			return strings.TrimSpace(visibleText(c.n)) == next && !pageArgument.MatchString(c.pb.argument)
		},
		func(c cand) bool { return strings.EqualFold(c.pb.argument, "Page$Next") },
		func(c cand) bool { return saysNext(c.n, c.pb) && !pageArgument.MatchString(c.pb.argument) },
	}
	for _, try := range tries {
		if id, ok := pick(try); ok {
			return id, true
		}
	}
	best := -1
	for i, c := range cands {
		k := pageOf(c.pb, cur)
		if m := pageArgument.FindStringSubmatch(c.pb.argument); m == nil || m[1][0] < '0' || m[1][0] > '9' || k <= cur {
			continue
		}
		if best < 0 || k < pageOf(cands[best].pb, cur) {
			best = i
		}
	}
	if best < 0 {
		return "", false
	}
	return b.postbackNext(cands[best].n, cands[best].pb, pageOf(cands[best].pb, cur))
}

// postbackNext returns the name of page n that pb, made by element el,
// posts back, and keeps the form body to post in Page.Postbacks: every
// control of el's form (else of the page's form holding __VIEWSTATE)
// with __EVENTTARGET and __EVENTARGUMENT set, or, for a button that
// submits itself, with the button's name and value. A form that does not
// post, or an action off http(s), yields none.
func (b *builder) postbackNext(el *html.Node, pb postback, n int) (string, bool) {
	form := el.Parent
	for form != nil && form.DataAtom != atom.Form {
		form = form.Parent
	}
	if form == nil {
		walk(findRoot(el), func(f *html.Node) {
			if form == nil && f.Type == html.ElementNode && f.DataAtom == atom.Form && hasViewState(f) {
				form = f
			}
		})
	}
	if form == nil {
		return "", false
	}
	if m, _ := attr(form, "method"); !strings.EqualFold(strings.TrimSpace(m), "post") {
		return "", false
	}
	action, _ := attr(form, "action")
	if pb.action != "" {
		action = pb.action
	}
	action = strings.TrimSpace(action)
	if action != "" && scriptHref(action) {
		return "", false
	}
	target, err := Canonical(b.base, action)
	if err != nil {
		return "", false
	}
	var submit *html.Node
	if pb.button && isSubmit(el) {
		submit = el
	}
	q := formValues(form, submit, nil)
	if submit == nil {
		q.Set("__EVENTTARGET", pb.target)
		q.Set("__EVENTARGUMENT", pb.argument)
	}
	id := PostbackURL(target, n)
	if b.page.Postbacks == nil {
		b.page.Postbacks = map[string]string{}
	}
	b.page.Postbacks[id] = q.Encode()
	return id, true
}

// findRoot returns the root of n's tree.
func findRoot(n *html.Node) *html.Node {
	for n.Parent != nil {
		n = n.Parent
	}
	return n
}

// hasViewState reports whether a form holds WebForms' __VIEWSTATE.
func hasViewState(form *html.Node) bool {
	found := false
	walk(form, func(c *html.Node) {
		if name, _ := attr(c, "name"); c.DataAtom == atom.Input && name == "__VIEWSTATE" {
			found = true
		}
	})
	return found
}

// postbackTarget reads the event target and argument, the first two
// arguments of both postback calls; a call without a target is none.
func postbackTarget(args []string) (postback, bool) {
	if len(args) == 0 || args[0] == "" {
		return postback{}, false
	}
	pb := postback{target: args[0]}
	if len(args) > 1 {
		pb.argument = args[1]
	}
	return pb, true
}
