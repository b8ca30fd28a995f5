-- 0007: a complete run that finds no listing at all while its target's
-- listings are stored (a redesign that broke the selectors, a maintenance
-- page or a login wall answering 200) removes nothing: it starts the
-- target's streak of empty runs (empty_runs) and its record says how many
-- listings it kept and why (crawl_runs.kept and note, added by this
-- migration's Go step, tickets/emptyruns.go, only where missing). The next
-- empty complete run in a row removes them; a run that finds listings ends
-- the streak. (Written so that running it twice is harmless.)
CREATE TABLE IF NOT EXISTS empty_runs (
	platform TEXT    NOT NULL,
	target   TEXT    NOT NULL,
	since    INTEGER NOT NULL,           -- the first empty complete run of the streak
	runs     INTEGER NOT NULL DEFAULT 1, -- empty complete runs in a row
	kept     INTEGER NOT NULL DEFAULT 0, -- listings the first one kept
	PRIMARY KEY (platform, target)
) WITHOUT ROWID;
