-- Summaries over a range of days by outlet or by day need every speaker of the range (for the distinct count and the
-- top ten). Read from query.speaker_daily (and speaker_weekly) that was ~10,000 rows for one outlet over 30 days at
-- 1M articles, added up by text key in SQL. Here one outlet's day is one row: its speakers as small integer keys with
-- their counts, packed in a bytea the service adds up (an int[] column costs the client ~70 ns per element to decode,
-- a bytea is copied).
-- (query.speaker_weekly, which this replaces, is dropped first by SpeakerWeekly.Down.sql.)

-- A small integer per speaker string, never reused.
CREATE TABLE query.speaker_keys (
    key integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    speaker text NOT NULL UNIQUE
);

-- Per outlet and UTC day: speaker_counts holds, for each speaker with attributions that day, its key and its count
-- (> 0) as two big-endian int4 (int4send), 8 bytes a speaker, in ascending key order.
CREATE TABLE query.speaker_day_sets (
    outlet text NOT NULL,
    day date NOT NULL,
    speaker_counts bytea NOT NULL,
    PRIMARY KEY (outlet, day)
);
-- Stored uncompressed: rewritten whenever its day changes and always read whole.
ALTER TABLE query.speaker_day_sets ALTER speaker_counts SET STORAGE EXTERNAL;

-- One speaker's entry of speaker_counts; and all entries back as rows, for SQL that reads them (tests, operators).
CREATE FUNCTION query.pack_speaker_count(speaker_key integer, attribution_count integer) RETURNS bytea
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT int4send(speaker_key) || int4send(attribution_count) $$;
CREATE FUNCTION query.unpack_speaker_counts(packed bytea) RETURNS TABLE (speaker_key integer, attribution_count integer)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT (get_byte(packed, o) << 24) | (get_byte(packed, o + 1) << 16) | (get_byte(packed, o + 2) << 8) | get_byte(packed, o + 3),
           (get_byte(packed, o + 4) << 24) | (get_byte(packed, o + 5) << 16) | (get_byte(packed, o + 6) << 8) | get_byte(packed, o + 7)
    FROM generate_series(0, length(packed) - 8, 8) o
$$;

-- Rebuilds the sets of the given (outlet, day) pairs from query.speaker_daily. Concurrent writers of one outlet and
-- day do not interleave here: each has already updated that day's query.sourcing_daily row in the same transaction
-- (analysis and ingest triggers write it first), so the second waits for the first to commit, and in READ COMMITTED
-- this statement then reads the first one's speaker_daily rows.
CREATE FUNCTION query.refresh_speaker_day_sets(p_outlets text[], p_days date[]) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DELETE FROM query.speaker_day_sets s USING unnest(p_outlets, p_days) t(outlet, day)
    WHERE s.outlet = t.outlet AND s.day = t.day
      AND NOT EXISTS (SELECT 1 FROM query.speaker_daily d WHERE d.outlet = t.outlet AND d.day = t.day AND d.attribution_count > 0);
    INSERT INTO query.speaker_day_sets AS s (outlet, day, speaker_counts)
    SELECT d.outlet, d.day, string_agg(query.pack_speaker_count(k.key, d.attribution_count), ''::bytea ORDER BY k.key)
    FROM (SELECT DISTINCT outlet, day FROM unnest(p_outlets, p_days) t(outlet, day)) t
    JOIN query.speaker_daily d ON d.outlet = t.outlet AND d.day = t.day
    JOIN query.speaker_keys k ON k.speaker = d.speaker
    WHERE d.attribution_count > 0
    GROUP BY d.outlet, d.day ORDER BY d.outlet, d.day
    ON CONFLICT (outlet, day) DO UPDATE SET speaker_counts = EXCLUDED.speaker_counts;
$$;

CREATE FUNCTION query.on_speaker_daily_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO query.speaker_keys (speaker) SELECT DISTINCT speaker FROM new_rows ORDER BY 1 ON CONFLICT (speaker) DO NOTHING;
        PERFORM query.refresh_speaker_day_sets(array_agg(outlet), array_agg(day))
        FROM (SELECT DISTINCT outlet, day FROM new_rows) t;
    ELSE
        PERFORM query.refresh_speaker_day_sets(array_agg(outlet), array_agg(day))
        FROM (SELECT DISTINCT outlet, day FROM old_rows) t;
    END IF;
    RETURN NULL;
END $$;

-- TRUNCATE (query.rebuild_read_models) fires no transition-table triggers: empty the sets with the days.
CREATE FUNCTION query.on_speaker_daily_truncated() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    TRUNCATE query.speaker_day_sets;
    RETURN NULL;
END $$;

CREATE TRIGGER query_speaker_day_sets_insert AFTER INSERT ON query.speaker_daily
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_speaker_daily_changed();
CREATE TRIGGER query_speaker_day_sets_update AFTER UPDATE ON query.speaker_daily
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_speaker_daily_changed();
CREATE TRIGGER query_speaker_day_sets_delete AFTER DELETE ON query.speaker_daily
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION query.on_speaker_daily_changed();
CREATE TRIGGER query_speaker_day_sets_truncate AFTER TRUNCATE ON query.speaker_daily
    FOR EACH STATEMENT EXECUTE FUNCTION query.on_speaker_daily_truncated();

INSERT INTO query.speaker_keys (speaker) SELECT DISTINCT speaker FROM query.speaker_daily ORDER BY 1;
INSERT INTO query.speaker_day_sets (outlet, day, speaker_counts)
SELECT d.outlet, d.day, string_agg(query.pack_speaker_count(k.key, d.attribution_count), ''::bytea ORDER BY k.key)
FROM query.speaker_daily d JOIN query.speaker_keys k ON k.speaker = d.speaker
WHERE d.attribution_count > 0
GROUP BY d.outlet, d.day ORDER BY d.outlet, d.day;
GRANT SELECT ON query.speaker_keys, query.speaker_day_sets TO sourcing_reader;
