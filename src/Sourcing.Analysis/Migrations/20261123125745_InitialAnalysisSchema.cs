using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Analysis.Migrations
{
    /// <inheritdoc />
    public partial class InitialAnalysisSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "analysis");

            migrationBuilder.CreateTable(
                name: "article_analyses",
                schema: "analysis",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engine_version = table.Column<string>(type: "text", nullable: false),
                    analyzed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    outlet = table.Column<string>(type: "text", nullable: true),
                    title = table.Column<string>(type: "text", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attribution_count = table.Column<int>(type: "integer", nullable: false),
                    anonymous_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_analyses", x => x.article_id);
                });

            migrationBuilder.CreateTable(
                name: "attributions",
                schema: "analysis",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    ordinal = table.Column<int>(type: "integer", nullable: false),
                    engine_version = table.Column<string>(type: "text", nullable: false),
                    cue_start = table.Column<int>(type: "integer", nullable: false),
                    cue_end = table.Column<int>(type: "integer", nullable: false),
                    cue_text = table.Column<string>(type: "text", nullable: false),
                    source_start = table.Column<int>(type: "integer", nullable: false),
                    source_end = table.Column<int>(type: "integer", nullable: false),
                    source_text = table.Column<string>(type: "text", nullable: false),
                    content_start = table.Column<int>(type: "integer", nullable: false),
                    content_end = table.Column<int>(type: "integer", nullable: false),
                    content_text = table.Column<string>(type: "text", nullable: false),
                    quote_type = table.Column<short>(type: "smallint", nullable: false),
                    speaker = table.Column<string>(type: "text", nullable: false),
                    sourcing = table.Column<short>(type: "smallint", nullable: false),
                    entity = table.Column<short>(type: "smallint", nullable: false),
                    reason_start = table.Column<int>(type: "integer", nullable: true),
                    reason_end = table.Column<int>(type: "integer", nullable: true),
                    reason_text = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_attributions", x => x.id);
                    table.ForeignKey(
                        name: "fk_attributions_article_analyses_article_id",
                        column: x => x.article_id,
                        principalSchema: "analysis",
                        principalTable: "article_analyses",
                        principalColumn: "article_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_article_analyses_analyzed_at",
                schema: "analysis",
                table: "article_analyses",
                column: "analyzed_at");

            migrationBuilder.CreateIndex(
                name: "ix_attributions_article_id_ordinal",
                schema: "analysis",
                table: "attributions",
                columns: new[] { "article_id", "ordinal" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_attributions_sourcing",
                schema: "analysis",
                table: "attributions",
                column: "sourcing");

            migrationBuilder.CreateIndex(
                name: "ix_attributions_speaker",
                schema: "analysis",
                table: "attributions",
                column: "speaker");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "attributions",
                schema: "analysis");

            migrationBuilder.DropTable(
                name: "article_analyses",
                schema: "analysis");
        }
    }
}
