-- The GIN index cannot return rows in time order, so a search for a term in a few thousand articles used to read
-- every match's row to keep the newest page. With the week in the same GIN index (btree_gin: a trusted extension,
-- so the database's owner can create it), `search @@ q AND query.search_week(sort_time) = w` finds the matches of
-- one week, and a search walks the newest weeks until it has a page.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- Weeks since the Unix epoch (they start on Thursdays, which does not matter here).
CREATE FUNCTION query.search_week(t timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT floor(extract(epoch FROM t) / 604800)::integer $$;

-- It also answers `search @@ q` alone, so it replaces the text-only index rather than adding a second one to write.
CREATE INDEX ix_article_index_search_week ON query.article_index USING gin (search, query.search_week(sort_time));
DROP INDEX query.ix_article_index_search;
