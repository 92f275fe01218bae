using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Query.Migrations
{
    /// <summary>
    /// query.outlet_totals: all-time sourcing counts and distinct speakers per outlet, kept by triggers on
    /// query.sourcing_daily and query.speaker_outlet. Plain SQL in Migrations/Sql.
    /// </summary>
    public partial class OutletTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("OutletTotals.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("OutletTotals.Down.sql"));
    }
}
