using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Analysis.Migrations
{
    /// <inheritdoc />
    public partial class HashedCandidateKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Keys become numbers (StoryPeriods): each term's hash XOR its 3-day period, backfilled from the stored
            // terms with the SQL form of the same function. The index is rebuilt after the backfill, not per row.
            migrationBuilder.Sql($$"""
                DROP INDEX analysis.ix_article_stories_term_keys;
                ALTER TABLE analysis.article_stories ALTER COLUMN term_keys DROP DEFAULT;
                ALTER TABLE analysis.article_stories ALTER COLUMN term_keys TYPE bigint[] USING '{}'::bigint[];
                UPDATE analysis.article_stories SET term_keys = ARRAY(SELECT {{Stories.StoryPeriods.KeySql}} FROM unnest(terms) AS t);
                CREATE INDEX ix_article_stories_term_keys ON analysis.article_stories USING gin (term_keys) WITH (gin_pending_list_limit = 1024);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX analysis.ix_article_stories_term_keys;
                ALTER TABLE analysis.article_stories ALTER COLUMN term_keys TYPE text[] USING '{}'::text[];
                UPDATE analysis.article_stories
                SET term_keys = ARRAY(SELECT t || '@' || floor(extract(epoch FROM story_time) / 259200)::bigint::text FROM unnest(terms) AS t);
                CREATE INDEX ix_article_stories_term_keys ON analysis.article_stories USING gin (term_keys) WITH (gin_pending_list_limit = 1024);
                """);
        }
    }
}
