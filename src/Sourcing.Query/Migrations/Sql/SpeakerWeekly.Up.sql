-- Attributions per outlet, ISO week (its Monday) and speaker: query.speaker_daily summed by week, kept by statement
-- triggers on it. A summary by outlet over a range of whole days reads the whole weeks inside the range here and only
-- the days at its edges from speaker_daily: a week has about 2.3 times fewer rows than its seven days.
CREATE TABLE query.speaker_weekly (
    outlet text NOT NULL,
    week date NOT NULL,
    speaker text NOT NULL,
    attribution_count integer NOT NULL DEFAULT 0,
    PRIMARY KEY (outlet, week, speaker) INCLUDE (attribution_count)  -- covering: summaries read it index-only
);

CREATE FUNCTION query.iso_week(day date) RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT day - (extract(isodow FROM day)::integer - 1) $$;

CREATE FUNCTION query.on_speaker_daily_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        INSERT INTO query.speaker_weekly AS w (outlet, week, speaker, attribution_count)
        SELECT outlet, query.iso_week(day), speaker, -sum(attribution_count) FROM old_rows
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (outlet, week, speaker) DO UPDATE SET attribution_count = w.attribution_count + EXCLUDED.attribution_count;
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO query.speaker_weekly AS w (outlet, week, speaker, attribution_count)
        SELECT outlet, query.iso_week(day), speaker, sum(attribution_count) FROM new_rows
        GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (outlet, week, speaker) DO UPDATE SET attribution_count = w.attribution_count + EXCLUDED.attribution_count;
    END IF;
    RETURN NULL;
END $$;

-- TRUNCATE (query.rebuild_read_models) fires no row or transition-table triggers: empty the weeks with the days.
CREATE FUNCTION query.on_speaker_daily_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    TRUNCATE query.speaker_weekly;
    RETURN NULL;
END $$;

CREATE TRIGGER query_speaker_weekly_insert AFTER INSERT ON query.speaker_daily
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_speaker_daily_changed();
CREATE TRIGGER query_speaker_weekly_update AFTER UPDATE ON query.speaker_daily
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_speaker_daily_changed();
CREATE TRIGGER query_speaker_weekly_delete AFTER DELETE ON query.speaker_daily
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_speaker_daily_changed();
CREATE TRIGGER query_speaker_weekly_truncate AFTER TRUNCATE ON query.speaker_daily
    FOR EACH STATEMENT EXECUTE FUNCTION query.on_speaker_daily_truncated();

-- Inserted in key order, so that one outlet's weeks sit together on disk.
INSERT INTO query.speaker_weekly (outlet, week, speaker, attribution_count)
SELECT outlet, query.iso_week(day), speaker, sum(attribution_count) FROM query.speaker_daily
GROUP BY 1, 2, 3 ORDER BY 1, 2, 3;
GRANT SELECT ON query.speaker_weekly TO sourcing_reader;
