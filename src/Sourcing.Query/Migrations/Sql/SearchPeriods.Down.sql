CREATE INDEX IF NOT EXISTS ix_article_index_search ON query.article_index USING gin (search);
DROP INDEX IF EXISTS query.ix_article_index_search_period;
DROP FUNCTION IF EXISTS query.search_period(timestamptz);
DROP EXTENSION IF EXISTS btree_gin;
