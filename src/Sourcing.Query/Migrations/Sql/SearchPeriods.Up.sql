-- The GIN index cannot return rows in time order, so a search for a term in a few thousand articles used to read
-- every match's row to keep the newest page. With a period of the time in the same GIN index (btree_gin: a trusted
-- extension, so the database's owner can create it), `search @@ q AND query.search_period(sort_time) = p` finds the
-- matches of one period, and a search walks the newest periods until it has a page. A scan costs about the same for
-- a week as for four (at 1M articles), so periods are 28 days: a term in 0.1% of articles fills a page in one or two.
CREATE EXTENSION IF NOT EXISTS btree_gin;

-- 28-day periods since the Unix epoch.
CREATE FUNCTION query.search_period(t timestamptz) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT floor(extract(epoch FROM t) / 2419200)::integer $$;

-- It also answers `search @@ q` alone, so it replaces the text-only index rather than adding a second one to write.
CREATE INDEX ix_article_index_search_period ON query.article_index USING gin (search, query.search_period(sort_time));
DROP INDEX query.ix_article_index_search;
