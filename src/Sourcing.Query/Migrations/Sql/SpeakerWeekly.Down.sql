DROP TRIGGER IF EXISTS query_speaker_weekly_insert ON query.speaker_daily;
DROP TRIGGER IF EXISTS query_speaker_weekly_update ON query.speaker_daily;
DROP TRIGGER IF EXISTS query_speaker_weekly_delete ON query.speaker_daily;
DROP TRIGGER IF EXISTS query_speaker_weekly_truncate ON query.speaker_daily;
DROP FUNCTION IF EXISTS query.on_speaker_daily_truncated(), query.on_speaker_daily_changed(), query.iso_week(date);
DROP TABLE IF EXISTS query.speaker_weekly;
