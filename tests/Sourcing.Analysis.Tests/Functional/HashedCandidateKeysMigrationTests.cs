using Sourcing.Analysis.Data;
using Sourcing.Analysis.Stories;
using Sourcing.Testing;

namespace Sourcing.Analysis.Tests.Functional;

/// <summary>
/// Migration HashedCandidateKeys backfills stored articles' keys with the SQL form of <see cref="StoryPeriods"/>'s
/// function, so they must equal what the service makes for the same terms and time; its Down restores text keys.
/// </summary>
public sealed class HashedCandidateKeysMigrationTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>
{
    private const string Before = "20261123202653_CandidateKeysSpeakerChanges";

    [Fact]
    public async Task UpThenDown_StoredTerms_KeysTheServiceMakesThenTheTextKeysAgain()
    {
        await using var migrations = new SchemaMigrations<AnalysisDbContext>(database.ConnectionString, AnalysisDbContext.Schema, o => new AnalysisDbContext(o));
        await migrations.ToAsync(Before);
        string[] terms = ["kirby", "zürich", "o'neill", "2021", "ελλάδα"];
        // Before the epoch and after it, and on a period's first microsecond.
        DateTime[] times = [new(1969, 12, 30, 23, 59, 59, DateTimeKind.Utc), new(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc), DateTime.UnixEpoch.AddDays(3 * 6716)];
        var storyId = Guid.CreateVersion7();
        await Sql.ScalarAsync<int>(database.ConnectionString, """
            INSERT INTO analysis.stories (id, label, article_count, first_time, last_time, created_at, updated_at)
            VALUES ($1, 'kirby', 3, now(), now(), now(), now()) RETURNING 1
            """, storyId);
        var articles = times.Select(_ => Guid.CreateVersion7()).ToArray();
        for (var i = 0; i < times.Length; i++)
        {
            await Sql.ScalarAsync<int>(database.ConnectionString, """
                INSERT INTO analysis.article_stories (article_id, story_id, story_time, terms, weights, term_keys, similarity, assigned_at)
                VALUES ($1, $2, $3, $4, $5, ARRAY['stale'], 0, now()) RETURNING 1
                """, articles[i], storyId, times[i], terms, terms.Select(_ => 1f).ToArray());
        }

        await migrations.ToAsync();

        for (var i = 0; i < times.Length; i++)
        {
            (await Sql.ScalarAsync<long[]>(database.ConnectionString, "SELECT term_keys FROM analysis.article_stories WHERE article_id = $1", articles[i]))
                .ShouldBe(StoryPeriods.Keys(terms, times[i]));
        }

        await migrations.ToAsync(Before);

        (await Sql.ScalarAsync<string[]>(database.ConnectionString, "SELECT term_keys FROM analysis.article_stories WHERE article_id = $1", articles[0]))
            .ShouldBe(terms.Select(t => $"{t}@-1").ToArray());
        await migrations.ToAsync();
    }
}
