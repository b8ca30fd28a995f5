-- 0005: every target that has seen a listing holds a claim on it
-- (listing_targets): a complete run of a target drops that target's claims
-- on the listings it did not see, and a listing is removed only when no
-- target claims it any more, so that two targets of one platform crawling
-- overlapping feeds never remove each other's listings. A listing's current
-- target becomes its one claim. (Written so that running it twice is
-- harmless.)
CREATE TABLE IF NOT EXISTS listing_targets (
	platform   TEXT    NOT NULL,
	listing_id TEXT    NOT NULL,
	target     TEXT    NOT NULL,
	last_seen  INTEGER NOT NULL,
	PRIMARY KEY (platform, listing_id, target),
	FOREIGN KEY (platform, listing_id) REFERENCES listings (platform, listing_id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS listing_targets_target ON listing_targets (platform, target, last_seen);
INSERT OR IGNORE INTO listing_targets (platform, listing_id, target, last_seen)
	SELECT platform, listing_id, target, last_seen FROM listings;

-- Observables are evidence of what a seller published: they accumulate over
-- the versions of a listing (an edit no longer erases them), with when each
-- was first and last seen.
CREATE TABLE IF NOT EXISTS observables_v5 (
	platform   TEXT    NOT NULL,
	listing_id TEXT    NOT NULL,
	type       TEXT    NOT NULL,
	value      TEXT    NOT NULL,
	first_seen INTEGER NOT NULL DEFAULT 0,
	last_seen  INTEGER NOT NULL DEFAULT 0,
	PRIMARY KEY (platform, listing_id, type, value),
	FOREIGN KEY (platform, listing_id) REFERENCES listings (platform, listing_id) ON DELETE CASCADE
) WITHOUT ROWID;
INSERT OR IGNORE INTO observables_v5 (platform, listing_id, type, value, first_seen, last_seen)
	SELECT o.platform, o.listing_id, o.type, o.value,
		COALESCE((SELECT v.seen_at FROM listing_versions v
			WHERE v.platform = l.platform AND v.listing_id = l.listing_id AND v.content_hash = l.content_hash), l.first_seen, 0),
		COALESCE(l.last_seen, 0)
	FROM observables o LEFT JOIN listings l ON l.platform = o.platform AND l.listing_id = o.listing_id;
-- Those of a flagged version that a later edit erased come back from the
-- ticket's flagged result.
INSERT OR IGNORE INTO observables_v5 (platform, listing_id, type, value, first_seen, last_seen)
	SELECT t.platform, t.listing_id, json_extract(j.value, '$.type'), json_extract(j.value, '$.value'), t.flagged_at, t.flagged_at
	FROM tickets t, json_each(CASE WHEN json_valid(t.flagged_result) THEN t.flagged_result ELSE '{}' END, '$.match.observables') j
	WHERE COALESCE(json_extract(j.value, '$.type'), '') != '' AND COALESCE(json_extract(j.value, '$.value'), '') != '';
DROP TABLE observables;
ALTER TABLE observables_v5 RENAME TO observables;
CREATE INDEX IF NOT EXISTS observables_value ON observables (type, value);
