using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Query.Migrations
{
    /// <inheritdoc />
    public partial class InitialQuerySchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The schema for the query service's own read models; the tables it reads belong to ingest and analysis.
            migrationBuilder.EnsureSchema(name: "query");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropSchema(name: "query");
        }
    }
}
