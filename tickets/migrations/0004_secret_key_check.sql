-- The check value of the key that encrypts stored secrets (tickets/secrets.go):
-- a fixed text sealed with the key, so that a store given another key says so
-- instead of reading garbage or sealing new values with a second key. The key
-- itself is never in the database.
CREATE TABLE IF NOT EXISTS secret_key_check (
	id    INTEGER PRIMARY KEY CHECK (id = 1),
	value TEXT NOT NULL
);
