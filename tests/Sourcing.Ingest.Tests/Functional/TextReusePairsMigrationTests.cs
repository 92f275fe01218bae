using Sourcing.Ingest.Data;
using Sourcing.Testing;

namespace Sourcing.Ingest.Tests.Functional;

/// <summary>Migration TextReusePairs folds the two rows of each linked pair into one, and its Down unfolds them.</summary>
public sealed class TextReusePairsMigrationTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Before = "20261123131000_TextReuseAndRequestIds";

    [Fact]
    public async Task UpThenDown_APairStoredFromBothSides_OneRowShowingBothSidesThenTwoRowsAgain()
    {
        await using var migrations = new SchemaMigrations<IngestDbContext>(database.ConnectionString, IngestDbContext.Schema, o => new IngestDbContext(o));
        await migrations.ToAsync(Before);
        var (a, b) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        foreach (var id in new[] { a, b })
        {
            await Sql.ScalarAsync<int>(database.ConnectionString, """
                INSERT INTO ingest.articles (id, title, received_at, content_type, original_body, text, fingerprint, state, attempts)
                VALUES ($1, 'Wire copy', now(), 1, 'text', 'text', $2, 1, 0) RETURNING 1
                """, id, id.ToString("N"));
        }
        await Sql.ScalarAsync<int>(database.ConnectionString, """
            INSERT INTO ingest.text_reuse_links (article_id, other_article_id, shared_fraction) VALUES ($1, $2, 0.25), ($2, $1, 0.5) RETURNING 1
            """, a, b);

        await migrations.ToAsync();

        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM ingest.text_reuse_pairs")).ShouldBe(1);
        (await Sql.ScalarAsync<double>(database.ConnectionString,
            "SELECT shared_fraction FROM ingest.text_reuse_links WHERE article_id = $1 AND other_article_id = $2", a, b)).ShouldBe(0.25);
        (await Sql.ScalarAsync<double>(database.ConnectionString,
            "SELECT shared_fraction FROM ingest.text_reuse_links WHERE article_id = $1 AND other_article_id = $2", b, a)).ShouldBe(0.5);

        await migrations.ToAsync(Before);

        (await Sql.ScalarAsync<double>(database.ConnectionString,
            "SELECT sum(shared_fraction * CASE WHEN article_id = $1 THEN 1 ELSE 10 END) FROM ingest.text_reuse_links", a)).ShouldBe(0.25 + 5);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM ingest.text_reuse_links")).ShouldBe(2);
        await migrations.ToAsync();
    }
}
