using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Sourcing.Analysis.Migrations
{
    /// <inheritdoc />
    public partial class SpeakersStoriesVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "analysis_id",
                schema: "analysis",
                table: "attributions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "anonymous_source_id",
                schema: "analysis",
                table: "attributions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "speaker_id",
                schema: "analysis",
                table: "attributions",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "analysis_id",
                schema: "analysis",
                table: "article_analyses",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.CreateTable(
                name: "analyses",
                schema: "analysis",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    engine_version = table.Column<string>(type: "text", nullable: false),
                    analyzed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    attribution_count = table.Column<int>(type: "integer", nullable: false),
                    anonymous_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_analyses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "article_texts",
                schema: "analysis",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    text = table.Column<string>(type: "text", nullable: false),
                    outlet = table.Column<string>(type: "text", nullable: true),
                    title = table.Column<string>(type: "text", nullable: true),
                    published_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_texts", x => x.article_id);
                });

            migrationBuilder.CreateTable(
                name: "reanalysis_jobs",
                schema: "analysis",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    request_id = table.Column<string>(type: "text", nullable: true),
                    outlet = table.Column<string>(type: "text", nullable: true),
                    published_from = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    published_to = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    engine_version = table.Column<string>(type: "text", nullable: false),
                    state = table.Column<short>(type: "smallint", nullable: false),
                    total_count = table.Column<int>(type: "integer", nullable: false),
                    processed_count = table.Column<int>(type: "integer", nullable: false),
                    reanalyzed_count = table.Column<int>(type: "integer", nullable: false),
                    skipped_count = table.Column<int>(type: "integer", nullable: false),
                    failed_count = table.Column<int>(type: "integer", nullable: false),
                    cursor_article_id = table.Column<Guid>(type: "uuid", nullable: true),
                    lease_owner = table.Column<string>(type: "text", nullable: true),
                    lease_until = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "text", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    completed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_reanalysis_jobs", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "speakers",
                schema: "analysis",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "text", nullable: false),
                    entity = table.Column<short>(type: "smallint", nullable: false),
                    block_key = table.Column<string>(type: "text", nullable: false),
                    context_terms = table.Column<string[]>(type: "text[]", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_speakers", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "stories",
                schema: "analysis",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    label = table.Column<string>(type: "text", nullable: false),
                    article_count = table.Column<int>(type: "integer", nullable: false),
                    first_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_stories", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "story_terms",
                schema: "analysis",
                columns: table => new
                {
                    term = table.Column<string>(type: "text", nullable: false),
                    article_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_story_terms", x => x.term);
                });

            migrationBuilder.CreateTable(
                name: "anonymous_sources",
                schema: "analysis",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    analysis_id = table.Column<Guid>(type: "uuid", nullable: false),
                    descriptor = table.Column<string>(type: "text", nullable: false),
                    normalized_descriptor = table.Column<string>(type: "text", nullable: false),
                    entity = table.Column<short>(type: "smallint", nullable: false),
                    anonymity_reason = table.Column<string>(type: "text", nullable: true),
                    attribution_count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_anonymous_sources", x => x.id);
                    table.ForeignKey(
                        name: "fk_anonymous_sources_analyses_analysis_id",
                        column: x => x.analysis_id,
                        principalSchema: "analysis",
                        principalTable: "analyses",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "speaker_aliases",
                schema: "analysis",
                columns: table => new
                {
                    speaker_id = table.Column<Guid>(type: "uuid", nullable: false),
                    alias = table.Column<string>(type: "text", nullable: false),
                    first_seen_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_speaker_aliases", x => new { x.speaker_id, x.alias });
                    table.ForeignKey(
                        name: "fk_speaker_aliases_speakers_speaker_id",
                        column: x => x.speaker_id,
                        principalSchema: "analysis",
                        principalTable: "speakers",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "article_stories",
                schema: "analysis",
                columns: table => new
                {
                    article_id = table.Column<Guid>(type: "uuid", nullable: false),
                    story_id = table.Column<Guid>(type: "uuid", nullable: false),
                    story_time = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    terms = table.Column<string[]>(type: "text[]", nullable: false),
                    weights = table.Column<float[]>(type: "real[]", nullable: false),
                    similarity = table.Column<double>(type: "double precision", nullable: false),
                    assigned_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_article_stories", x => x.article_id);
                    table.ForeignKey(
                        name: "fk_article_stories_stories_story_id",
                        column: x => x.story_id,
                        principalSchema: "analysis",
                        principalTable: "stories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_attributions_analysis_id",
                schema: "analysis",
                table: "attributions",
                column: "analysis_id");

            migrationBuilder.CreateIndex(
                name: "ix_attributions_anonymous_source_id",
                schema: "analysis",
                table: "attributions",
                column: "anonymous_source_id");

            migrationBuilder.CreateIndex(
                name: "ix_attributions_speaker_id",
                schema: "analysis",
                table: "attributions",
                column: "speaker_id");

            migrationBuilder.CreateIndex(
                name: "ix_analyses_article_id_engine_version",
                schema: "analysis",
                table: "analyses",
                columns: new[] { "article_id", "engine_version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_anonymous_sources_analysis_id",
                schema: "analysis",
                table: "anonymous_sources",
                column: "analysis_id");

            migrationBuilder.CreateIndex(
                name: "ix_anonymous_sources_article_id",
                schema: "analysis",
                table: "anonymous_sources",
                column: "article_id");

            migrationBuilder.CreateIndex(
                name: "ix_anonymous_sources_normalized_descriptor",
                schema: "analysis",
                table: "anonymous_sources",
                column: "normalized_descriptor");

            migrationBuilder.CreateIndex(
                name: "ix_article_stories_story_id",
                schema: "analysis",
                table: "article_stories",
                column: "story_id");

            migrationBuilder.CreateIndex(
                name: "ix_article_stories_story_time",
                schema: "analysis",
                table: "article_stories",
                column: "story_time");

            migrationBuilder.CreateIndex(
                name: "ix_article_stories_terms",
                schema: "analysis",
                table: "article_stories",
                column: "terms")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "ix_article_texts_outlet_article_id",
                schema: "analysis",
                table: "article_texts",
                columns: new[] { "outlet", "article_id" });

            migrationBuilder.CreateIndex(
                name: "ix_article_texts_published_at",
                schema: "analysis",
                table: "article_texts",
                column: "published_at");

            migrationBuilder.CreateIndex(
                name: "ix_reanalysis_jobs_request_id",
                schema: "analysis",
                table: "reanalysis_jobs",
                column: "request_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_reanalysis_jobs_state_created_at",
                schema: "analysis",
                table: "reanalysis_jobs",
                columns: new[] { "state", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_speaker_aliases_alias",
                schema: "analysis",
                table: "speaker_aliases",
                column: "alias");

            migrationBuilder.CreateIndex(
                name: "ix_speakers_block_key",
                schema: "analysis",
                table: "speakers",
                column: "block_key");

            migrationBuilder.CreateIndex(
                name: "ix_speakers_name",
                schema: "analysis",
                table: "speakers",
                column: "name");

            migrationBuilder.CreateIndex(
                name: "ix_stories_last_time",
                schema: "analysis",
                table: "stories",
                column: "last_time");

            // Analyses stored before versioned storage: each becomes its article's current analysis record.
            migrationBuilder.Sql("""
                UPDATE analysis.article_analyses SET analysis_id = gen_random_uuid();
                INSERT INTO analysis.analyses (id, article_id, engine_version, analyzed_at, attribution_count, anonymous_count)
                SELECT analysis_id, article_id, engine_version, analyzed_at, attribution_count, anonymous_count FROM analysis.article_analyses;
                UPDATE analysis.attributions r SET analysis_id = s.analysis_id FROM analysis.article_analyses s WHERE s.article_id = r.article_id;
                """);

            migrationBuilder.AddForeignKey(
                name: "fk_attributions_analyses_analysis_id",
                schema: "analysis",
                table: "attributions",
                column: "analysis_id",
                principalSchema: "analysis",
                principalTable: "analyses",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_attributions_anonymous_sources_anonymous_source_id",
                schema: "analysis",
                table: "attributions",
                column: "anonymous_source_id",
                principalSchema: "analysis",
                principalTable: "anonymous_sources",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);

            migrationBuilder.AddForeignKey(
                name: "fk_attributions_speakers_speaker_id",
                schema: "analysis",
                table: "attributions",
                column: "speaker_id",
                principalSchema: "analysis",
                principalTable: "speakers",
                principalColumn: "id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_attributions_analyses_analysis_id",
                schema: "analysis",
                table: "attributions");

            migrationBuilder.DropForeignKey(
                name: "fk_attributions_anonymous_sources_anonymous_source_id",
                schema: "analysis",
                table: "attributions");

            migrationBuilder.DropForeignKey(
                name: "fk_attributions_speakers_speaker_id",
                schema: "analysis",
                table: "attributions");

            migrationBuilder.DropTable(
                name: "anonymous_sources",
                schema: "analysis");

            migrationBuilder.DropTable(
                name: "article_stories",
                schema: "analysis");

            migrationBuilder.DropTable(
                name: "article_texts",
                schema: "analysis");

            migrationBuilder.DropTable(
                name: "reanalysis_jobs",
                schema: "analysis");

            migrationBuilder.DropTable(
                name: "speaker_aliases",
                schema: "analysis");

            migrationBuilder.DropTable(
                name: "story_terms",
                schema: "analysis");

            migrationBuilder.DropTable(
                name: "analyses",
                schema: "analysis");

            migrationBuilder.DropTable(
                name: "stories",
                schema: "analysis");

            migrationBuilder.DropTable(
                name: "speakers",
                schema: "analysis");

            migrationBuilder.DropIndex(
                name: "ix_attributions_analysis_id",
                schema: "analysis",
                table: "attributions");

            migrationBuilder.DropIndex(
                name: "ix_attributions_anonymous_source_id",
                schema: "analysis",
                table: "attributions");

            migrationBuilder.DropIndex(
                name: "ix_attributions_speaker_id",
                schema: "analysis",
                table: "attributions");

            migrationBuilder.DropColumn(
                name: "analysis_id",
                schema: "analysis",
                table: "attributions");

            migrationBuilder.DropColumn(
                name: "anonymous_source_id",
                schema: "analysis",
                table: "attributions");

            migrationBuilder.DropColumn(
                name: "speaker_id",
                schema: "analysis",
                table: "attributions");

            migrationBuilder.DropColumn(
                name: "analysis_id",
                schema: "analysis",
                table: "article_analyses");
        }
    }
}
