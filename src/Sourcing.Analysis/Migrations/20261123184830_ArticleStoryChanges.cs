using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sourcing.Analysis.Migrations
{
    /// <inheritdoc />
    public partial class ArticleStoryChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "change_seq",
                schema: "analysis",
                table: "article_stories",
                type: "bigint",
                nullable: false)
                .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);

            migrationBuilder.CreateIndex(
                name: "ix_article_stories_change_seq",
                schema: "analysis",
                table: "article_stories",
                column: "change_seq");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_article_stories_change_seq",
                schema: "analysis",
                table: "article_stories");

            migrationBuilder.DropColumn(
                name: "change_seq",
                schema: "analysis",
                table: "article_stories");
        }
    }
}
