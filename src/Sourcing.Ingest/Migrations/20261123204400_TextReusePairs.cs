using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Ingest.Migrations
{
    /// <inheritdoc />
    public partial class TextReusePairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Each pair was stored twice, once from each side: half the rows and foreign-key checks to write, the
            // view text_reuse_links still shows both sides to readers.
            migrationBuilder.DropForeignKey(
                name: "fk_text_reuse_links_articles_article_id",
                schema: "ingest",
                table: "text_reuse_links");

            migrationBuilder.DropForeignKey(
                name: "fk_text_reuse_links_articles_other_article_id",
                schema: "ingest",
                table: "text_reuse_links");

            migrationBuilder.DropPrimaryKey(
                name: "pk_text_reuse_links",
                schema: "ingest",
                table: "text_reuse_links");

            migrationBuilder.RenameTable(
                name: "text_reuse_links",
                schema: "ingest",
                newName: "text_reuse_pairs",
                newSchema: "ingest");

            migrationBuilder.RenameIndex(
                name: "ix_text_reuse_links_other_article_id",
                schema: "ingest",
                table: "text_reuse_pairs",
                newName: "ix_text_reuse_pairs_other_article_id");

            migrationBuilder.AddColumn<double>(
                name: "other_shared_fraction",
                schema: "ingest",
                table: "text_reuse_pairs",
                type: "double precision",
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.Sql("""
                UPDATE ingest.text_reuse_pairs p SET other_shared_fraction = r.shared_fraction
                FROM ingest.text_reuse_pairs r
                WHERE r.article_id = p.other_article_id AND r.other_article_id = p.article_id AND p.article_id > p.other_article_id;
                DELETE FROM ingest.text_reuse_pairs p
                WHERE p.article_id < p.other_article_id AND EXISTS (
                    SELECT 1 FROM ingest.text_reuse_pairs r WHERE r.article_id = p.other_article_id AND r.other_article_id = p.article_id);
                """);

            migrationBuilder.AddPrimaryKey(
                name: "pk_text_reuse_pairs",
                schema: "ingest",
                table: "text_reuse_pairs",
                columns: new[] { "article_id", "other_article_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_text_reuse_pairs_articles_article_id",
                schema: "ingest",
                table: "text_reuse_pairs",
                column: "article_id",
                principalSchema: "ingest",
                principalTable: "articles",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_text_reuse_pairs_articles_other_article_id",
                schema: "ingest",
                table: "text_reuse_pairs",
                column: "other_article_id",
                principalSchema: "ingest",
                principalTable: "articles",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.Sql("""
                CREATE VIEW ingest.text_reuse_links AS
                    SELECT article_id, other_article_id, shared_fraction FROM ingest.text_reuse_pairs
                    UNION ALL
                    SELECT other_article_id, article_id, other_shared_fraction FROM ingest.text_reuse_pairs;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP VIEW ingest.text_reuse_links;
                INSERT INTO ingest.text_reuse_pairs (article_id, other_article_id, shared_fraction, other_shared_fraction)
                SELECT other_article_id, article_id, other_shared_fraction, shared_fraction FROM ingest.text_reuse_pairs;
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_text_reuse_pairs_articles_article_id",
                schema: "ingest",
                table: "text_reuse_pairs");

            migrationBuilder.DropForeignKey(
                name: "fk_text_reuse_pairs_articles_other_article_id",
                schema: "ingest",
                table: "text_reuse_pairs");

            migrationBuilder.DropPrimaryKey(
                name: "pk_text_reuse_pairs",
                schema: "ingest",
                table: "text_reuse_pairs");

            migrationBuilder.DropColumn(
                name: "other_shared_fraction",
                schema: "ingest",
                table: "text_reuse_pairs");

            migrationBuilder.RenameTable(
                name: "text_reuse_pairs",
                schema: "ingest",
                newName: "text_reuse_links",
                newSchema: "ingest");

            migrationBuilder.RenameIndex(
                name: "ix_text_reuse_pairs_other_article_id",
                schema: "ingest",
                table: "text_reuse_links",
                newName: "ix_text_reuse_links_other_article_id");

            migrationBuilder.AddPrimaryKey(
                name: "pk_text_reuse_links",
                schema: "ingest",
                table: "text_reuse_links",
                columns: new[] { "article_id", "other_article_id" });

            migrationBuilder.AddForeignKey(
                name: "fk_text_reuse_links_articles_article_id",
                schema: "ingest",
                table: "text_reuse_links",
                column: "article_id",
                principalSchema: "ingest",
                principalTable: "articles",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_text_reuse_links_articles_other_article_id",
                schema: "ingest",
                table: "text_reuse_links",
                column: "other_article_id",
                principalSchema: "ingest",
                principalTable: "articles",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
