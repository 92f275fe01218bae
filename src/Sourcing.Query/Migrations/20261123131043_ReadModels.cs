using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Query.Migrations
{
    /// <summary>
    /// The read models (article index with full-text search, daily sourcing and speaker counts) and the
    /// triggers on ingest's and analysis's tables that keep them current; the read-only role. Plain SQL in
    /// Migrations/Sql, because EF models none of it.
    /// </summary>
    public partial class ReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("ReadModels.Up.sql"));

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder) =>
            migrationBuilder.Sql(MigrationSql.Read("ReadModels.Down.sql"));
    }
}
