using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Sourcing.Query.Data;

#nullable disable

namespace Sourcing.Query.Migrations
{
    /// <summary>
    /// query.outlet_totals: all-time sourcing counts and distinct speakers per outlet, kept by triggers on
    /// query.sourcing_daily and query.speaker_outlet. Plain SQL in Migrations/Sql; the EF model is unchanged, so
    /// there is no target model (Designer) to keep.
    /// </summary>
    [DbContext(typeof(QueryDbContext))]
    [Migration("20261124090000_OutletTotals")]
    public class OutletTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("OutletTotals.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("OutletTotals.Down.sql"));
    }
}
