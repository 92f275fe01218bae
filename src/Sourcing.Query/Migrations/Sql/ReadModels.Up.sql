-- Query's read models over ingest.articles and analysis.*, kept up to date by triggers, so that lists,
-- search and summaries read small indexed tables instead of recomputing over every row.
-- The trigger functions are SECURITY DEFINER (owned by the migrating role) so that ingest's and
-- analysis's roles need no rights on schema query.

-- One row per article: what lists filter, sort and search on.
CREATE TABLE query.article_index (
    article_id uuid PRIMARY KEY,
    outlet text NOT NULL,                     -- '' when the article has none
    sort_time timestamptz NOT NULL,           -- published_at, else received_at
    analyzed_at timestamptz,                  -- null until an analysis is stored
    attribution_count integer NOT NULL DEFAULT 0,
    anonymous_count integer NOT NULL DEFAULT 0,
    search tsvector NOT NULL                  -- title (weight A) and text, english configuration
);
CREATE INDEX ix_article_index_time ON query.article_index (sort_time DESC, article_id DESC);
CREATE INDEX ix_article_index_outlet_time ON query.article_index (outlet, sort_time DESC, article_id DESC);
CREATE INDEX ix_article_index_search ON query.article_index USING gin (search);

-- Sourcing counts per outlet and UTC day of analyzed articles.
CREATE TABLE query.sourcing_daily (
    outlet text NOT NULL,
    day date NOT NULL,
    article_count integer NOT NULL DEFAULT 0,
    attribution_count integer NOT NULL DEFAULT 0,
    named_count integer NOT NULL DEFAULT 0,
    anonymous_count integer NOT NULL DEFAULT 0,
    reasoned_anonymous_count integer NOT NULL DEFAULT 0,
    PRIMARY KEY (outlet, day)
);
CREATE INDEX ix_sourcing_daily_day ON query.sourcing_daily (day);

-- Attributions per outlet, UTC day and speaker (the speaker string until speakers are resolved).
CREATE TABLE query.speaker_daily (
    outlet text NOT NULL,
    day date NOT NULL,
    speaker text NOT NULL,
    attribution_count integer NOT NULL DEFAULT 0,
    PRIMARY KEY (outlet, day, speaker) INCLUDE (attribution_count)  -- covering: summaries read it index-only
);

-- Attributions per outlet and speaker over all time: the all-time outlet summary reads its top speakers from an index
-- instead of adding up every day.
CREATE TABLE query.speaker_outlet (
    outlet text NOT NULL,
    speaker text NOT NULL,
    attribution_count integer NOT NULL DEFAULT 0,
    PRIMARY KEY (outlet, speaker)
);
CREATE INDEX ix_speaker_outlet_top ON query.speaker_outlet (outlet, attribution_count DESC, speaker);

CREATE FUNCTION query.utc_day(t timestamptz) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (t AT TIME ZONE 'UTC')::date $$;

CREATE FUNCTION query.article_search(title text, body text) RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT setweight(to_tsvector('english', coalesce(title, '')), 'A') || to_tsvector('english', coalesce(body, '')) $$;

-- Adds (sign 1) or removes (sign -1) one article's whole analysis to or from the aggregates of a group.
-- p_outlet_totals: also the all-time outlet totals (only when the outlet, not just the day, changes).
CREATE FUNCTION query.shift_article(p_article uuid, p_outlet text, p_day date, p_sign integer, p_outlet_totals boolean) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO query.sourcing_daily AS d (outlet, day, article_count, attribution_count, named_count, anonymous_count, reasoned_anonymous_count)
    SELECT p_outlet, p_day, p_sign, p_sign * count(a.id), p_sign * count(*) FILTER (WHERE a.sourcing = 1),
           p_sign * count(*) FILTER (WHERE a.sourcing = 2), p_sign * count(*) FILTER (WHERE a.sourcing = 2 AND a.reason_start IS NOT NULL)
    FROM analysis.article_analyses s LEFT JOIN analysis.attributions a ON a.article_id = s.article_id
    WHERE s.article_id = p_article
    HAVING count(*) > 0
    ON CONFLICT (outlet, day) DO UPDATE SET
        article_count = d.article_count + EXCLUDED.article_count,
        attribution_count = d.attribution_count + EXCLUDED.attribution_count,
        named_count = d.named_count + EXCLUDED.named_count,
        anonymous_count = d.anonymous_count + EXCLUDED.anonymous_count,
        reasoned_anonymous_count = d.reasoned_anonymous_count + EXCLUDED.reasoned_anonymous_count;
    INSERT INTO query.speaker_daily AS d (outlet, day, speaker, attribution_count)
    SELECT p_outlet, p_day, a.speaker, p_sign * count(*) FROM analysis.attributions a
    WHERE a.article_id = p_article GROUP BY a.speaker ORDER BY a.speaker
    ON CONFLICT (outlet, day, speaker) DO UPDATE SET attribution_count = d.attribution_count + EXCLUDED.attribution_count;
    IF p_outlet_totals THEN
        INSERT INTO query.speaker_outlet AS d (outlet, speaker, attribution_count)
        SELECT p_outlet, a.speaker, p_sign * count(*) FROM analysis.attributions a
        WHERE a.article_id = p_article GROUP BY a.speaker ORDER BY a.speaker
        ON CONFLICT (outlet, speaker) DO UPDATE SET attribution_count = d.attribution_count + EXCLUDED.attribution_count;
    END IF;
END $$;

-- ingest.articles: keep the index row; an article whose outlet or day changes takes its counts along.
CREATE FUNCTION query.on_article_written() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
    old_row query.article_index;
    new_outlet text := coalesce(NEW.outlet, '');
    new_time timestamptz := coalesce(NEW.published_at, NEW.received_at);
BEGIN
    SELECT * INTO old_row FROM query.article_index WHERE article_id = NEW.id FOR UPDATE;
    IF FOUND AND old_row.analyzed_at IS NOT NULL
       AND (old_row.outlet, query.utc_day(old_row.sort_time)) IS DISTINCT FROM (new_outlet, query.utc_day(new_time)) THEN
        PERFORM query.shift_article(NEW.id, old_row.outlet, query.utc_day(old_row.sort_time), -1, old_row.outlet <> new_outlet);
        PERFORM query.shift_article(NEW.id, new_outlet, query.utc_day(new_time), 1, old_row.outlet <> new_outlet);
    END IF;
    INSERT INTO query.article_index AS i (article_id, outlet, sort_time, search)
    VALUES (NEW.id, new_outlet, new_time, query.article_search(NEW.title, NEW.text))
    ON CONFLICT (article_id) DO UPDATE SET outlet = EXCLUDED.outlet, sort_time = EXCLUDED.sort_time, search = EXCLUDED.search;
    RETURN NULL;
END $$;

CREATE FUNCTION query.on_article_deleted() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    DELETE FROM query.article_index WHERE article_id = OLD.id;
    RETURN NULL;
END $$;

-- analysis.article_analyses: counts on the index row and the article count of its group.
CREATE FUNCTION query.on_analyses_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO query.sourcing_daily AS d (outlet, day, article_count)
        SELECT i.outlet, query.utc_day(i.sort_time), -count(*) FROM old_rows o JOIN query.article_index i ON i.article_id = o.article_id
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (outlet, day) DO UPDATE SET article_count = d.article_count + EXCLUDED.article_count;
        UPDATE query.article_index i SET analyzed_at = NULL, attribution_count = 0, anonymous_count = 0
        FROM old_rows o WHERE i.article_id = o.article_id;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO query.sourcing_daily AS d (outlet, day, article_count)
        SELECT i.outlet, query.utc_day(i.sort_time), count(*) FROM new_rows n JOIN query.article_index i ON i.article_id = n.article_id
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (outlet, day) DO UPDATE SET article_count = d.article_count + EXCLUDED.article_count;
        UPDATE query.article_index i SET analyzed_at = n.analyzed_at, attribution_count = n.attribution_count, anonymous_count = n.anonymous_count
        FROM new_rows n WHERE i.article_id = n.article_id;
    END IF;
    RETURN NULL;
END $$;

-- analysis.attributions: sourcing and speaker counts of the article's group.
CREATE FUNCTION query.on_attributions_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO query.sourcing_daily AS d (outlet, day, attribution_count, named_count, anonymous_count, reasoned_anonymous_count)
        SELECT i.outlet, query.utc_day(i.sort_time), -1 * count(*), -1 * count(*) FILTER (WHERE r.sourcing = 1),
               -1 * count(*) FILTER (WHERE r.sourcing = 2), -1 * count(*) FILTER (WHERE r.sourcing = 2 AND r.reason_start IS NOT NULL)
        FROM old_rows r JOIN query.article_index i ON i.article_id = r.article_id
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (outlet, day) DO UPDATE SET
            attribution_count = d.attribution_count + EXCLUDED.attribution_count,
            named_count = d.named_count + EXCLUDED.named_count,
            anonymous_count = d.anonymous_count + EXCLUDED.anonymous_count,
            reasoned_anonymous_count = d.reasoned_anonymous_count + EXCLUDED.reasoned_anonymous_count;
        INSERT INTO query.speaker_daily AS d (outlet, day, speaker, attribution_count)
        SELECT i.outlet, query.utc_day(i.sort_time), r.speaker, -1 * count(*)
        FROM old_rows r JOIN query.article_index i ON i.article_id = r.article_id
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (outlet, day, speaker) DO UPDATE SET attribution_count = d.attribution_count + EXCLUDED.attribution_count;
        INSERT INTO query.speaker_outlet AS d (outlet, speaker, attribution_count)
        SELECT i.outlet, r.speaker, -1 * count(*)
        FROM old_rows r JOIN query.article_index i ON i.article_id = r.article_id
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (outlet, speaker) DO UPDATE SET attribution_count = d.attribution_count + EXCLUDED.attribution_count;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO query.sourcing_daily AS d (outlet, day, attribution_count, named_count, anonymous_count, reasoned_anonymous_count)
        SELECT i.outlet, query.utc_day(i.sort_time), 1 * count(*), 1 * count(*) FILTER (WHERE r.sourcing = 1),
               1 * count(*) FILTER (WHERE r.sourcing = 2), 1 * count(*) FILTER (WHERE r.sourcing = 2 AND r.reason_start IS NOT NULL)
        FROM new_rows r JOIN query.article_index i ON i.article_id = r.article_id
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (outlet, day) DO UPDATE SET
            attribution_count = d.attribution_count + EXCLUDED.attribution_count,
            named_count = d.named_count + EXCLUDED.named_count,
            anonymous_count = d.anonymous_count + EXCLUDED.anonymous_count,
            reasoned_anonymous_count = d.reasoned_anonymous_count + EXCLUDED.reasoned_anonymous_count;
        INSERT INTO query.speaker_daily AS d (outlet, day, speaker, attribution_count)
        SELECT i.outlet, query.utc_day(i.sort_time), r.speaker, 1 * count(*)
        FROM new_rows r JOIN query.article_index i ON i.article_id = r.article_id
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (outlet, day, speaker) DO UPDATE SET attribution_count = d.attribution_count + EXCLUDED.attribution_count;
        INSERT INTO query.speaker_outlet AS d (outlet, speaker, attribution_count)
        SELECT i.outlet, r.speaker, 1 * count(*)
        FROM new_rows r JOIN query.article_index i ON i.article_id = r.article_id
        GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (outlet, speaker) DO UPDATE SET attribution_count = d.attribution_count + EXCLUDED.attribution_count;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER query_article_index AFTER INSERT OR UPDATE OF title, text, outlet, published_at, received_at ON ingest.articles
    FOR EACH ROW EXECUTE FUNCTION query.on_article_written();
CREATE TRIGGER query_article_index_delete AFTER DELETE ON ingest.articles
    FOR EACH ROW EXECUTE FUNCTION query.on_article_deleted();
CREATE TRIGGER query_analyses_insert AFTER INSERT ON analysis.article_analyses
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_analyses_changed();
CREATE TRIGGER query_analyses_update AFTER UPDATE ON analysis.article_analyses
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_analyses_changed();
CREATE TRIGGER query_analyses_delete AFTER DELETE ON analysis.article_analyses
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_analyses_changed();
CREATE TRIGGER query_attributions_insert AFTER INSERT ON analysis.attributions
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_attributions_changed();
CREATE TRIGGER query_attributions_update AFTER UPDATE ON analysis.attributions
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_attributions_changed();
CREATE TRIGGER query_attributions_delete AFTER DELETE ON analysis.attributions
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_attributions_changed();

-- Rows stored before this migration: build the read models once (also how a bulk load that bypassed the
-- triggers catches up: SELECT query.rebuild_read_models()).
CREATE FUNCTION query.rebuild_read_models() RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    TRUNCATE query.article_index, query.sourcing_daily, query.speaker_daily, query.speaker_outlet;
    INSERT INTO query.article_index (article_id, outlet, sort_time, analyzed_at, attribution_count, anonymous_count, search)
    SELECT a.id, coalesce(a.outlet, ''), coalesce(a.published_at, a.received_at), s.analyzed_at,
           coalesce(s.attribution_count, 0), coalesce(s.anonymous_count, 0), query.article_search(a.title, a.text)
    FROM ingest.articles a LEFT JOIN analysis.article_analyses s ON s.article_id = a.id;
    INSERT INTO query.sourcing_daily (outlet, day, article_count)
    SELECT i.outlet, query.utc_day(i.sort_time), count(*) FROM query.article_index i WHERE i.analyzed_at IS NOT NULL GROUP BY 1, 2;
    INSERT INTO query.sourcing_daily AS d (outlet, day, attribution_count, named_count, anonymous_count, reasoned_anonymous_count)
    SELECT i.outlet, query.utc_day(i.sort_time), count(*), count(*) FILTER (WHERE r.sourcing = 1),
           count(*) FILTER (WHERE r.sourcing = 2), count(*) FILTER (WHERE r.sourcing = 2 AND r.reason_start IS NOT NULL)
    FROM analysis.attributions r JOIN query.article_index i ON i.article_id = r.article_id
    GROUP BY 1, 2
    ON CONFLICT (outlet, day) DO UPDATE SET
        attribution_count = EXCLUDED.attribution_count, named_count = EXCLUDED.named_count,
        anonymous_count = EXCLUDED.anonymous_count, reasoned_anonymous_count = EXCLUDED.reasoned_anonymous_count;
    -- Inserted in key order, so that one outlet's days sit together on disk.
    INSERT INTO query.speaker_daily (outlet, day, speaker, attribution_count)
    SELECT i.outlet, query.utc_day(i.sort_time), r.speaker, count(*)
    FROM analysis.attributions r JOIN query.article_index i ON i.article_id = r.article_id
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
    INSERT INTO query.speaker_outlet (outlet, speaker, attribution_count)
    SELECT outlet, speaker, sum(attribution_count) FROM query.speaker_daily GROUP BY 1, 2 ORDER BY 1, 2;
END $$;
SELECT query.rebuild_read_models();

-- The read-only role the query service connects as (LOGIN without a password: it can log in only where the
-- server trusts local connections or an operator sets a password). Roles are per server, so create it once.
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sourcing_reader') THEN
        CREATE ROLE sourcing_reader LOGIN;
        ALTER ROLE sourcing_reader SET default_transaction_read_only = on;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL; -- another database's migration created it at the same moment
END $$;
GRANT USAGE ON SCHEMA ingest, analysis, query TO sourcing_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA ingest, analysis, query TO sourcing_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA ingest, analysis, query GRANT SELECT ON TABLES TO sourcing_reader;
