using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Ingest.Migrations
{
    /// <inheritdoc />
    public partial class TextReuseAndRequestIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "duplicate_of",
                schema: "ingest",
                table: "articles",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "article_shingles",
                schema: "ingest",
                columns: table => new
                {
                    hash = table.Column<long>(type: "bigint", nullable: false),
                    article_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_shingles", x => new { x.hash, x.article_id });
                    table.ForeignKey(
                        name: "fk_article_shingles_articles_article_id",
                        column: x => x.article_id,
                        principalSchema: "ingest",
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ingest_requests",
                schema: "ingest",
                columns: table => new
                {
                    request_id = table.Column<string>(type: "text", nullable: false),
                    request_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    response = table.Column<byte[]>(type: "bytea", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_ingest_requests", x => x.request_id);
                });

            migrationBuilder.CreateTable(
                name: "text_reuse_links",
                schema: "ingest",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    other_article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    shared_fraction = table.Column<double>(type: "double precision", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_text_reuse_links", x => new { x.article_id, x.other_article_id });
                    table.ForeignKey(
                        name: "fk_text_reuse_links_articles_article_id",
                        column: x => x.article_id,
                        principalSchema: "ingest",
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_text_reuse_links_articles_other_article_id",
                        column: x => x.other_article_id,
                        principalSchema: "ingest",
                        principalTable: "articles",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_article_shingles_article_id",
                schema: "ingest",
                table: "article_shingles",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_ingest_requests_created_at",
                schema: "ingest",
                table: "ingest_requests",
                column: "created_at");

            migrationBuilder.CreateIndex(
                name: "ix_text_reuse_links_other_article_id",
                schema: "ingest",
                table: "text_reuse_links",
                column: "other_article_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "article_shingles",
                schema: "ingest");

            migrationBuilder.DropTable(
                name: "ingest_requests",
                schema: "ingest");

            migrationBuilder.DropTable(
                name: "text_reuse_links",
                schema: "ingest");

            migrationBuilder.DropColumn(
                name: "duplicate_of",
                schema: "ingest",
                table: "articles");
        }
    }
}
