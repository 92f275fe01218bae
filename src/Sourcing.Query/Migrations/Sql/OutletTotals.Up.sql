-- Per outlet over all time: the sums of query.sourcing_daily and the number of speakers with attributions in
-- query.speaker_outlet, kept by row triggers on those two tables (so by everything that keeps them), so that the
-- all-time outlet summary reads one row per outlet instead of adding up every day and counting every speaker.
CREATE TABLE query.outlet_totals (
    outlet text PRIMARY KEY,
    article_count integer NOT NULL DEFAULT 0,
    attribution_count integer NOT NULL DEFAULT 0,
    named_count integer NOT NULL DEFAULT 0,
    anonymous_count integer NOT NULL DEFAULT 0,
    reasoned_anonymous_count integer NOT NULL DEFAULT 0,
    speaker_count integer NOT NULL DEFAULT 0
);

-- Adds one signed sourcing_daily row (sign 1: NEW, -1: OLD) to its outlet's totals.
CREATE FUNCTION query.add_outlet_totals(d query.sourcing_daily, p_sign integer) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    INSERT INTO query.outlet_totals AS t (outlet, article_count, attribution_count, named_count, anonymous_count, reasoned_anonymous_count)
    VALUES (d.outlet, p_sign * d.article_count, p_sign * d.attribution_count, p_sign * d.named_count, p_sign * d.anonymous_count,
            p_sign * d.reasoned_anonymous_count)
    ON CONFLICT (outlet) DO UPDATE SET
        article_count = t.article_count + EXCLUDED.article_count,
        attribution_count = t.attribution_count + EXCLUDED.attribution_count,
        named_count = t.named_count + EXCLUDED.named_count,
        anonymous_count = t.anonymous_count + EXCLUDED.anonymous_count,
        reasoned_anonymous_count = t.reasoned_anonymous_count + EXCLUDED.reasoned_anonymous_count
$$;

CREATE FUNCTION query.on_sourcing_daily_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        PERFORM query.add_outlet_totals(OLD, -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM query.add_outlet_totals(NEW, 1);
    END IF;
    RETURN NULL;
END $$;

-- A speaker counts for its outlet while its attribution count there is positive.
CREATE FUNCTION query.on_speaker_outlet_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.attribution_count > 0 THEN
        INSERT INTO query.outlet_totals AS t (outlet, speaker_count) VALUES (OLD.outlet, -1)
        ON CONFLICT (outlet) DO UPDATE SET speaker_count = t.speaker_count - 1;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.attribution_count > 0 THEN
        INSERT INTO query.outlet_totals AS t (outlet, speaker_count) VALUES (NEW.outlet, 1)
        ON CONFLICT (outlet) DO UPDATE SET speaker_count = t.speaker_count + 1;
    END IF;
    RETURN NULL;
END $$;

-- TRUNCATE (query.rebuild_read_models) fires no row triggers: the truncated table's share of the totals goes to zero,
-- and the rows inserted after it add up again.
CREATE FUNCTION query.on_totals_source_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_TABLE_NAME = 'speaker_outlet' THEN
        UPDATE query.outlet_totals SET speaker_count = 0;
    ELSE
        UPDATE query.outlet_totals SET article_count = 0, attribution_count = 0, named_count = 0, anonymous_count = 0,
            reasoned_anonymous_count = 0;
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER query_outlet_totals AFTER INSERT OR UPDATE OR DELETE ON query.sourcing_daily
    FOR EACH ROW EXECUTE FUNCTION query.on_sourcing_daily_changed();
CREATE TRIGGER query_outlet_totals_speakers_insert AFTER INSERT OR DELETE ON query.speaker_outlet
    FOR EACH ROW EXECUTE FUNCTION query.on_speaker_outlet_changed();
-- Only a speaker whose count turns positive or stops being so changes the totals: the rest never touch the row.
CREATE TRIGGER query_outlet_totals_speakers_update AFTER UPDATE ON query.speaker_outlet
    FOR EACH ROW WHEN ((OLD.attribution_count > 0) IS DISTINCT FROM (NEW.attribution_count > 0) OR OLD.outlet <> NEW.outlet)
    EXECUTE FUNCTION query.on_speaker_outlet_changed();
CREATE TRIGGER query_outlet_totals_truncate AFTER TRUNCATE ON query.sourcing_daily
    FOR EACH STATEMENT EXECUTE FUNCTION query.on_totals_source_truncated();
CREATE TRIGGER query_outlet_totals_speakers_truncate AFTER TRUNCATE ON query.speaker_outlet
    FOR EACH STATEMENT EXECUTE FUNCTION query.on_totals_source_truncated();

INSERT INTO query.outlet_totals (outlet, article_count, attribution_count, named_count, anonymous_count, reasoned_anonymous_count)
SELECT outlet, sum(article_count), sum(attribution_count), sum(named_count), sum(anonymous_count), sum(reasoned_anonymous_count)
FROM query.sourcing_daily GROUP BY outlet;
INSERT INTO query.outlet_totals AS t (outlet, speaker_count)
SELECT outlet, count(*) FROM query.speaker_outlet WHERE attribution_count > 0 GROUP BY outlet
ON CONFLICT (outlet) DO UPDATE SET speaker_count = EXCLUDED.speaker_count;
GRANT SELECT ON query.outlet_totals TO sourcing_reader;
