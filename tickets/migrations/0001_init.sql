-- 0001: initial schema. Times are Unix nanoseconds (UTC).

CREATE TABLE listings (
	platform      TEXT    NOT NULL,
	listing_id    TEXT    NOT NULL,
	target        TEXT    NOT NULL DEFAULT '',
	url           TEXT    NOT NULL DEFAULT '',
	seller        TEXT    NOT NULL DEFAULT '',
	content_hash  TEXT    NOT NULL DEFAULT '',
	evidence_hash TEXT    NOT NULL DEFAULT '',
	digest        TEXT    NOT NULL DEFAULT '', -- SHA-256 of the result without fetched_at: replays change nothing
	result        TEXT    NOT NULL,            -- precwatch.Result as JSON
	suspicious    INTEGER NOT NULL DEFAULT 0,
	score         REAL    NOT NULL DEFAULT 0,
	status        TEXT    NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'removed')),
	first_seen    INTEGER NOT NULL,
	last_seen     INTEGER NOT NULL,
	removed_at    INTEGER,
	flagged_at    INTEGER,
	PRIMARY KEY (platform, listing_id)
) WITHOUT ROWID;
CREATE INDEX listings_target ON listings (platform, target, status, last_seen);
CREATE INDEX listings_url ON listings (platform, url);
CREATE INDEX listings_last_seen ON listings (last_seen);
CREATE INDEX listings_seller ON listings (platform, seller) WHERE suspicious = 1;

-- Every content version of a listing seen: the evidence history.
CREATE TABLE listing_versions (
	platform      TEXT    NOT NULL,
	listing_id    TEXT    NOT NULL,
	content_hash  TEXT    NOT NULL,
	evidence_hash TEXT    NOT NULL DEFAULT '',
	seen_at       INTEGER NOT NULL,
	PRIMARY KEY (platform, listing_id, content_hash),
	FOREIGN KEY (platform, listing_id) REFERENCES listings (platform, listing_id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE observables (
	platform   TEXT NOT NULL,
	listing_id TEXT NOT NULL,
	type       TEXT NOT NULL,
	value      TEXT NOT NULL,
	PRIMARY KEY (platform, listing_id, type, value),
	FOREIGN KEY (platform, listing_id) REFERENCES listings (platform, listing_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX observables_value ON observables (type, value);

CREATE TABLE tickets (
	id             INTEGER PRIMARY KEY,
	platform       TEXT    NOT NULL,
	listing_id     TEXT    NOT NULL,
	status         TEXT    NOT NULL DEFAULT 'open'
		CHECK (status IN ('open', 'in_review', 'confirmed', 'dismissed', 'escalated')),
	target         TEXT    NOT NULL DEFAULT '',
	listing_url    TEXT    NOT NULL DEFAULT '',
	listing_status TEXT    NOT NULL DEFAULT 'active' CHECK (listing_status IN ('active', 'removed')),
	title          TEXT    NOT NULL DEFAULT '',
	seller         TEXT    NOT NULL DEFAULT '',
	score          REAL    NOT NULL DEFAULT 0,
	substances     TEXT    NOT NULL DEFAULT '[]', -- []precwatch.TicketSubstance as JSON
	indicators     TEXT    NOT NULL DEFAULT '[]', -- []string (indicator ids) as JSON
	suspicious     INTEGER NOT NULL DEFAULT 1,    -- the listing is still suspicious
	first_seen     INTEGER NOT NULL,
	last_seen      INTEGER NOT NULL,
	flagged_at     INTEGER NOT NULL,
	removed_at     INTEGER,
	assignee       TEXT    NOT NULL DEFAULT '',
	content_hash   TEXT    NOT NULL DEFAULT '',
	evidence_hash  TEXT    NOT NULL DEFAULT '',
	updated_at     INTEGER NOT NULL,
	UNIQUE (platform, listing_id),
	FOREIGN KEY (platform, listing_id) REFERENCES listings (platform, listing_id)
);
CREATE INDEX tickets_queue ON tickets (status, score DESC);
CREATE INDEX tickets_platform ON tickets (platform, score DESC);
CREATE INDEX tickets_last_seen ON tickets (last_seen);

CREATE TABLE ticket_events (
	id         INTEGER PRIMARY KEY,
	ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
	at         INTEGER NOT NULL,
	actor      TEXT    NOT NULL,
	action     TEXT    NOT NULL,
	from_value TEXT    NOT NULL DEFAULT '',
	to_value   TEXT    NOT NULL DEFAULT '',
	reason     TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);

CREATE TABLE outbox (
	id              INTEGER PRIMARY KEY,
	event_id        TEXT    NOT NULL UNIQUE,
	event           TEXT    NOT NULL,        -- precwatch.Event as JSON
	platform        TEXT    NOT NULL,
	created_at      INTEGER NOT NULL,
	attempts        INTEGER NOT NULL DEFAULT 0,
	next_attempt_at INTEGER NOT NULL,
	delivered_at    INTEGER,
	last_error      TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX outbox_pending ON outbox (next_attempt_at) WHERE delivered_at IS NULL;

CREATE TABLE tokens (
	id           INTEGER PRIMARY KEY,
	hash         TEXT    NOT NULL UNIQUE,    -- SHA-256 hex of the plaintext token
	role         TEXT    NOT NULL CHECK (role IN ('admin', 'partner', 'reviewer', 'regulator')),
	platform     TEXT    NOT NULL DEFAULT '',
	created_at   INTEGER NOT NULL,
	last_used_at INTEGER,
	revoked      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE targets (
	name       TEXT PRIMARY KEY,
	platform   TEXT    NOT NULL,
	spec       TEXT    NOT NULL,             -- precwatch.Target as JSON
	updated_at INTEGER NOT NULL
);

CREATE TABLE webhooks (
	platform   TEXT PRIMARY KEY,
	url        TEXT    NOT NULL,
	secret     TEXT    NOT NULL,
	updated_at INTEGER NOT NULL
);

CREATE TABLE crawl_runs (
	id       INTEGER PRIMARY KEY,
	target   TEXT    NOT NULL,
	platform TEXT    NOT NULL DEFAULT '',
	started  INTEGER NOT NULL,
	finished INTEGER,
	complete INTEGER NOT NULL DEFAULT 0,
	pages    INTEGER NOT NULL DEFAULT 0,
	listings INTEGER NOT NULL DEFAULT 0,
	errors   INTEGER NOT NULL DEFAULT 0,
	error    TEXT    NOT NULL DEFAULT '{}'   -- errors by kind, or a message, as JSON
);
CREATE INDEX crawl_runs_target ON crawl_runs (target, started);
