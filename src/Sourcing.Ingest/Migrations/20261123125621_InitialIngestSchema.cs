using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Sourcing.Ingest.Migrations
{
    /// <inheritdoc />
    public partial class InitialIngestSchema : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "ingest");

            migrationBuilder.CreateTable(
                name: "articles",
                schema: "ingest",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    external_id = table.Column<string>(type: "text", nullable: true),
                    url = table.Column<string>(type: "text", nullable: true),
                    title = table.Column<string>(type: "text", nullable: false),
                    outlet = table.Column<string>(type: "text", nullable: true),
                    byline = table.Column<string>(type: "text", nullable: true),
                    dateline = table.Column<string>(type: "text", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    content_type = table.Column<short>(type: "smallint", nullable: false),
                    original_body = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    analyzed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_articles", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "outbox",
                schema: "ingest",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    available_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    locked_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    trace_parent = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_articles_article_id",
                        column: x => x.article_id,
                        principalSchema: "ingest",
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_articles_external_id",
                schema: "ingest",
                table: "articles",
                column: "external_id",
                unique: true,
                filter: "external_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_articles_fingerprint",
                schema: "ingest",
                table: "articles",
                column: "fingerprint",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_articles_outlet_published_at",
                schema: "ingest",
                table: "articles",
                columns: new[] { "outlet", "published_at" });

            migrationBuilder.CreateIndex(
                name: "ix_articles_state",
                schema: "ingest",
                table: "articles",
                column: "state");

            migrationBuilder.CreateIndex(
                name: "ix_articles_url",
                schema: "ingest",
                table: "articles",
                column: "url",
                unique: true,
                filter: "url IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_article_id",
                schema: "ingest",
                table: "outbox",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_available_at",
                schema: "ingest",
                table: "outbox",
                column: "available_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "outbox",
                schema: "ingest");

            migrationBuilder.DropTable(
                name: "articles",
                schema: "ingest");
        }
    }
}
