DROP TRIGGER IF EXISTS query_outlet_totals ON query.sourcing_daily;
DROP TRIGGER IF EXISTS query_outlet_totals_truncate ON query.sourcing_daily;
DROP TRIGGER IF EXISTS query_outlet_totals_speakers_insert ON query.speaker_outlet;
DROP TRIGGER IF EXISTS query_outlet_totals_speakers_update ON query.speaker_outlet;
DROP TRIGGER IF EXISTS query_outlet_totals_speakers_truncate ON query.speaker_outlet;
DROP FUNCTION IF EXISTS query.on_totals_source_truncated(), query.on_speaker_outlet_changed(), query.on_sourcing_daily_changed(),
    query.add_outlet_totals(query.sourcing_daily, integer);
DROP TABLE IF EXISTS query.outlet_totals;
