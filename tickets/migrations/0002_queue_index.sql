-- 0002: the review queue of one platform (platform, status, by score) is an
-- index range scan.
CREATE INDEX tickets_platform_status ON tickets (platform, status, score DESC);
