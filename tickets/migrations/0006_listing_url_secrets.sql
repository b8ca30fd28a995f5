-- 0006: listing URLs keep no secret. A listing without an address of its own
-- is named by its page's, and a feed's pages carry the target's API key when
-- its start URL does (?api_key=…, https://user:pass@…). The crawler now
-- delivers such URLs with the secret shown as <redacted>; this migration's
-- Go step (tickets/urlsecrets.go, redactStoredListingURLs) rewrites the
-- listings, tickets, their history and the outbox stored before to the same
-- form, so that a listing read again is the same listing and ticket. The
-- index documents of the listings it renamed are listed here until the
-- pipeline has replaced them (Store.IndexRenames).
CREATE TABLE IF NOT EXISTS index_renames (
	platform TEXT NOT NULL,
	old_id   TEXT NOT NULL,
	new_id   TEXT NOT NULL,
	PRIMARY KEY (platform, old_id)
) WITHOUT ROWID;
