DROP TRIGGER IF EXISTS query_article_index ON ingest.articles;
DROP TRIGGER IF EXISTS query_article_index_delete ON ingest.articles;
DROP TRIGGER IF EXISTS query_analyses_insert ON analysis.article_analyses;
DROP TRIGGER IF EXISTS query_analyses_update ON analysis.article_analyses;
DROP TRIGGER IF EXISTS query_analyses_delete ON analysis.article_analyses;
DROP TRIGGER IF EXISTS query_attributions_insert ON analysis.attributions;
DROP TRIGGER IF EXISTS query_attributions_update ON analysis.attributions;
DROP TRIGGER IF EXISTS query_attributions_delete ON analysis.attributions;
DROP FUNCTION IF EXISTS query.rebuild_read_models(), query.on_attributions_changed(), query.on_analyses_changed(),
    query.on_article_deleted(), query.on_article_written(), query.shift_article(uuid, text, date, integer, boolean),
    query.article_search(text, text), query.utc_day(timestamptz);
DROP TABLE IF EXISTS query.speaker_outlet, query.speaker_daily, query.sourcing_daily, query.article_index;
-- The role sourcing_reader is per server and may serve other databases: it is left in place.
