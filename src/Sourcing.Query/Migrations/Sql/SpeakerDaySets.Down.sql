DROP TRIGGER IF EXISTS query_speaker_day_sets_insert ON query.speaker_daily;
DROP TRIGGER IF EXISTS query_speaker_day_sets_update ON query.speaker_daily;
DROP TRIGGER IF EXISTS query_speaker_day_sets_delete ON query.speaker_daily;
DROP TRIGGER IF EXISTS query_speaker_day_sets_truncate ON query.speaker_daily;
DROP FUNCTION IF EXISTS query.on_speaker_daily_truncated(), query.on_speaker_daily_changed(),
    query.refresh_speaker_day_sets(text[], date[]), query.unpack_speaker_counts(bytea), query.pack_speaker_count(integer, integer);
DROP TABLE IF EXISTS query.speaker_day_sets, query.speaker_keys;
