using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Ingest.Migrations
{
    /// <inheritdoc />
    public partial class ProgressInOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_articles_state",
                schema: "ingest",
                table: "articles");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_articles_state",
                schema: "ingest",
                table: "articles",
                column: "state");
        }
    }
}
