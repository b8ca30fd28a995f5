-- 0003: a ticket keeps the match result of the last version of its listing
-- that was suspicious (JSON, precwatch.Result), so that a listing edited
-- into something harmless after it was flagged still has the evidence of
-- what it offered in the ticket and its incident report.
ALTER TABLE tickets ADD COLUMN flagged_result TEXT NOT NULL DEFAULT '';
