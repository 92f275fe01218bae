using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sourcing.Query.Data;

namespace Sourcing.Query.Migrations;

/// <summary>
/// query.speaker_day_sets: one row per outlet and day holding its speakers (as keys of query.speaker_keys) and their
/// counts, kept by a trigger on query.speaker_daily. It replaces query.speaker_weekly: a summary over a range of days
/// reads one row per outlet and day and adds them up in the service.
/// </summary>
[DbContext(typeof(QueryDbContext))]
[Migration("20261125100000_SpeakerDaySets")]
public sealed class SpeakerDaySets : SqlMigration
{
    /// <inheritdoc />
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.Sql(MigrationSql.Read($"{nameof(SpeakerWeekly)}.Down.sql"));
        base.Up(migrationBuilder);
    }

    /// <inheritdoc />
    protected override void Down(MigrationBuilder migrationBuilder)
    {
        base.Down(migrationBuilder);
        // The weeks come back as their own migration built them, from the days.
        migrationBuilder.Sql(MigrationSql.Read($"{nameof(SpeakerWeekly)}.Up.sql"));
    }
}
