using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sourcing.Query.Data;

#nullable disable

namespace Sourcing.Query.Migrations
{
    /// <summary>
    /// query.speaker_weekly: speaker_daily summed by ISO week, kept by triggers on query.speaker_daily, so that
    /// summaries by outlet read whole weeks, not their days. Plain SQL in Migrations/Sql; the EF model is unchanged,
    /// so there is no target model (Designer) to keep.
    /// </summary>
    [DbContext(typeof(QueryDbContext))]
    [Migration("20261124100000_SpeakerWeekly")]
    public class SpeakerWeekly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("SpeakerWeekly.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("SpeakerWeekly.Down.sql"));
    }
}
