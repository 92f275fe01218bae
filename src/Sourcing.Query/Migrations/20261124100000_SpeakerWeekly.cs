using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sourcing.Query.Data;

namespace Sourcing.Query.Migrations;

/// <summary>
/// query.speaker_weekly: speaker_daily summed by ISO week, kept by triggers on query.speaker_daily, so that
/// summaries by outlet read whole weeks, not their days.
/// </summary>
[DbContext(typeof(QueryDbContext))]
[Migration("20261124100000_SpeakerWeekly")]
public sealed class SpeakerWeekly : SqlMigration;
