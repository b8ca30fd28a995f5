package crawler

import "github.com/precwatch/precwatch"

// A listing without an address of its own is named by its page's (a JSON
// feed's page, a detail page), and a feed's pages carry the target's API
// key when its start URL does (?api_key=…, https://user:pass@…). Whatever
// leaves the crawler — the listings handed to the Sink, the URLs a Run
// reports as gone, hidden by robots.txt or failed, the evidence's page
// addresses — shows those secrets as precwatch.SecretMask, by the rules
// that mask a target's own URLs (precwatch.RedactSecrets). The crawler
// itself fetches, resumes and compares with the real URLs.

// redactListing masks the secrets of l's URL and of its ID (a listing
// without an id is identified by its URL).
func redactListing(l *precwatch.Listing) {
	l.URL = precwatch.RedactSecrets(l.URL)
	l.ID = precwatch.RedactSecrets(l.ID)
}

// redactRun masks the secrets of the URLs res reports.
func redactRun(res *Run) {
	res.Gone = redactURLs(res.Gone)
	res.Robots = redactURLs(res.Robots)
	res.RobotsNext = redactURLs(res.RobotsNext)
	if len(res.StartFailed) > 0 {
		fs := make([]PageFailure, len(res.StartFailed))
		for i, f := range res.StartFailed {
			f.URL = precwatch.RedactSecrets(f.URL)
			fs[i] = f
		}
		res.StartFailed = fs
	}
}

// redactURLs returns us with every URL's secrets masked, as a new slice.
func redactURLs(us []string) []string {
	if us == nil {
		return nil
	}
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = precwatch.RedactSecrets(u)
	}
	return out
}
