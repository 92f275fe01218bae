using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Analysis.Migrations
{
    /// <inheritdoc />
    public partial class CandidateKeysSpeakerChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Story candidates: a term's posting list in the index on terms spans the whole corpus; keyed by period
            // (term_keys), a candidate query reads the periods its window touches. Speakers: numbered on each change,
            // so those read before the corpus lock can be brought up to date under it.
            migrationBuilder.DropIndex(
                name: "ix_article_stories_terms",
                schema: "analysis",
                table: "article_stories");

            migrationBuilder.CreateSequence(
                name: "speaker_changes",
                schema: "analysis");

            migrationBuilder.AddColumn<long>(
                name: "change_seq",
                schema: "analysis",
                table: "speakers",
                type: "bigint",
                nullable: false,
                defaultValueSql: "nextval('analysis.speaker_changes')");

            migrationBuilder.AddColumn<string[]>(
                name: "term_keys",
                schema: "analysis",
                table: "article_stories",
                type: "text[]",
                nullable: false,
                defaultValue: new string[0]);

            // Stored articles get their keys as StoryPeriods makes them: each term, '@', and the 3-day period since the epoch.
            migrationBuilder.Sql("""
                UPDATE analysis.article_stories
                SET term_keys = ARRAY(SELECT t || '@' || floor(extract(epoch FROM story_time) / 259200)::bigint::text FROM unnest(terms) AS t)
                """);

            migrationBuilder.CreateIndex(
                name: "ix_speakers_change_seq",
                schema: "analysis",
                table: "speakers",
                column: "change_seq");

            migrationBuilder.CreateIndex(
                name: "ix_article_stories_term_keys",
                schema: "analysis",
                table: "article_stories",
                column: "term_keys")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:gin_pending_list_limit", 1024);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_speakers_change_seq",
                schema: "analysis",
                table: "speakers");

            migrationBuilder.DropIndex(
                name: "ix_article_stories_term_keys",
                schema: "analysis",
                table: "article_stories");

            migrationBuilder.DropColumn(
                name: "change_seq",
                schema: "analysis",
                table: "speakers");

            migrationBuilder.DropColumn(
                name: "term_keys",
                schema: "analysis",
                table: "article_stories");

            migrationBuilder.DropSequence(
                name: "speaker_changes",
                schema: "analysis");

            migrationBuilder.CreateIndex(
                name: "ix_article_stories_terms",
                schema: "analysis",
                table: "article_stories",
                column: "terms")
                .Annotation("Npgsql:IndexMethod", "gin");
        }
    }
}
