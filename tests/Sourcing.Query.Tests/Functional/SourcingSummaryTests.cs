using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Npgsql;
using Sourcing.Contracts.V1;
using Sourcing.Query.Tests.Support;
using Sourcing.Testing;

namespace Sourcing.Query.Tests.Functional;

public sealed class SourcingSummaryTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly DateTime Day = new(2021, 4, 7, 0, 0, 0, DateTimeKind.Utc);
    private static readonly string[] Speakers = ["Ana Pires", "John Kirby", "officials", "a source", "the ministry", "Qaani", "aides", "Mara Lind"];
    private ServiceHost _query = null!;

    private QueryService.QueryServiceClient Client => new(_query.Channel);

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(30);

    public async Task InitializeAsync()
    {
        await SourcingSchemas.MigrateAllAsync(database.ConnectionString);
        _query = await ServiceHost.StartAsync(QueryApp.Build, database.ConnectionString);
    }

    public async Task DisposeAsync() => await _query.DisposeAsync();

    [Fact]
    public async Task GetSourcingSummary_AfterInsertsReplacementsAndMoves_MatchesRecomputationFromBaseTables()
    {
        var random = new Random(7);
        var outlets = new[] { "North Post", "South Wire", "East Daily" };
        var articles = Enumerable.Range(0, 40).Select(i => new StoredArticle(outlets[random.Next(3)],
            Day.AddHours(random.Next(5 * 24)), $"A{i}", "Text.", i % 9 == 8 ? null : Quotes(random))).ToArray();
        await QueryDatabase.StoreAsync(database.ConnectionString, articles);
        await ShouldMatchRecomputationAsync();

        await ChangeAsync(articles, random, "West Times");
        await ShouldMatchRecomputationAsync();
    }

    [Fact]
    public async Task OutletTotalsAndDaySets_AfterChangesAndRebuild_EqualRecomputationFromDailyAggregates()
    {
        var random = new Random(11);
        var outlets = new[] { "Totals North", "Totals South" };
        var articles = Enumerable.Range(0, 40).Select(i => new StoredArticle(outlets[random.Next(2)],
            Day.AddHours(random.Next(3 * 24)), $"T{i}", "Text.", Quotes(random))).ToArray();
        await QueryDatabase.StoreAsync(database.ConnectionString, articles);
        await ChangeAsync(articles, random, "Totals West");
        var incremental = await OutletTotalsMismatchesAsync();
        var incrementalDaySets = await DaySetMismatchesAsync();
        await QueryDatabase.ExecuteAsync(database.ConnectionString, "SELECT query.rebuild_read_models()");
        var rebuilt = await OutletTotalsMismatchesAsync();
        var rebuiltDaySets = await DaySetMismatchesAsync();

        incremental.ShouldBe(0);
        incrementalDaySets.ShouldBe(0);
        rebuilt.ShouldBe(0);
        rebuiltDaySets.ShouldBe(0);
    }

    [Fact]
    public async Task GetSourcingSummary_FilterWithinADayAndSearch_CountsOnlyMatchingArticles()
    {
        var outlet = $"Filter Wire {Guid.NewGuid():N}";
        await QueryDatabase.StoreAsync(database.ConnectionString,
            new StoredArticle(outlet, Day.AddHours(1), "Morning strike", "Dockworkers walk out.", [new("officials", 2, "not authorized"), new("Ana Pires", 1)]),
            new StoredArticle(outlet, Day.AddHours(20), "Evening vote", "Council votes.", [new("Ana Pires", 1), new("Ana Pires", 1)]));

        var morning = await SummaryAsync(SummaryGrouping.Outlet, new ArticleFilter
        {
            Outlets = { outlet }, StartTime = Timestamp.FromDateTime(Day), EndTime = Timestamp.FromDateTime(Day.AddHours(12)),
        });
        var search = await SummaryAsync(SummaryGrouping.Day, new ArticleFilter { Outlets = { outlet }, Query = "vote" });

        var group = morning.ShouldHaveSingleItem();
        group.ArticleCount.ShouldBe(1);
        group.AttributionCount.ShouldBe(2);
        group.AnonymousShare.ShouldBe(0.5);
        group.ReasonedAnonymousShare.ShouldBe(1.0);
        var day = search.ShouldHaveSingleItem();
        day.Key.ShouldBe("2021-04-07");
        day.NamedCount.ShouldBe(2);
        day.DistinctSpeakerCount.ShouldBe(1);
        day.TopSpeakers.ShouldHaveSingleItem().AttributionCount.ShouldBe(2);
    }

    [Theory]
    [InlineData(SummaryGrouping.Unspecified)]
    [InlineData((SummaryGrouping)42)]
    public async Task GetSourcingSummary_GroupingUnspecifiedOrUnknown_InvalidArgument(SummaryGrouping grouping)
    {
        var error = await Should.ThrowAsync<RpcException>(() => Client.GetSourcingSummaryAsync(
            new GetSourcingSummaryRequest { GroupBy = grouping }, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
    }

    /// <summary>Re-analysis replaces results; an article's outlet or day can change; an analysis can go away.</summary>
    private async Task ChangeAsync(StoredArticle[] articles, Random random, string movedToOutlet)
    {
        foreach (var article in articles.Take(10))
        {
            await QueryDatabase.ReplaceAnalysisAsync(database.ConnectionString, article.Id, Quotes(random));
        }
        await QueryDatabase.ExecuteAsync(database.ConnectionString,
            "UPDATE ingest.articles SET outlet = $2 WHERE id = ANY($1)", articles.Skip(10).Take(3).Select(a => a.Id).ToArray(), movedToOutlet);
        await QueryDatabase.ExecuteAsync(database.ConnectionString,
            "UPDATE ingest.articles SET published_at = published_at + interval '3 days' WHERE id = ANY($1)", articles.Skip(13).Take(3).Select(a => a.Id).ToArray());
        await QueryDatabase.ExecuteAsync(database.ConnectionString,
            "DELETE FROM analysis.article_analyses WHERE article_id = ANY($1)", articles.Skip(16).Take(2).Select(a => a.Id).ToArray());
    }

    private static List<StoredQuote> Quotes(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 8)).Select(_ => new StoredQuote(Speakers[random.Next(Speakers.Length)],
            (short)random.Next(1, 3), random.Next(3) == 0 ? "because" : null))];

    private async Task<List<SourcingSummaryGroup>> SummaryAsync(SummaryGrouping grouping, ArticleFilter? filter = null) =>
        [.. (await Client.GetSourcingSummaryAsync(new GetSourcingSummaryRequest { GroupBy = grouping, Filter = filter, MaxGroups = 1000 },
            deadline: Deadline)).Groups];

    private async Task ShouldMatchRecomputationAsync()
    {
        // Whole-day ranges that hold every article: the same numbers through the daily aggregates.
        var everyDay = new ArticleFilter { StartTime = Timestamp.FromDateTime(Day.AddDays(-30)), EndTime = Timestamp.FromDateTime(Day.AddDays(30)) };
        var outlet = "coalesce(a.outlet, '')";
        var day = "to_char(coalesce(a.published_at, a.received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD')";
        // Whole days from a Tuesday to a Friday, around every stored day: the same numbers through the day sets.
        var aroundDays = new ArticleFilter { StartTime = Timestamp.FromDateTime(Day.AddDays(-1)), EndTime = Timestamp.FromDateTime(Day.AddDays(16)) };
        foreach (var (grouping, filter, key) in new[] { (SummaryGrouping.Outlet, null, outlet), (SummaryGrouping.Outlet, everyDay, outlet), (SummaryGrouping.Outlet, aroundDays, outlet), (SummaryGrouping.Day, null, day), (SummaryGrouping.Day, everyDay, day) })
        {
            var actual = (await SummaryAsync(grouping, filter)).Select(g =>
                $"{g.Key}: {g.ArticleCount} {g.AttributionCount} {g.NamedCount} {g.AnonymousCount} {g.ReasonedAnonymousShare:F4} {g.DistinctSpeakerCount} " +
                string.Join(",", g.TopSpeakers.Select(s => $"{s.Name}={s.AttributionCount}"))).OrderBy(x => x, StringComparer.Ordinal).ToList();
            var expected = await RecomputeAsync(key);
            actual.ShouldNotBeEmpty();
            actual.ShouldBe(expected, $"grouped by {grouping}, filter {filter}");
        }
    }

    /// <summary>Outlets whose query.outlet_totals row differs from the sums of the daily and per-speaker aggregates (all-zero rows aside).</summary>
    private Task<long> OutletTotalsMismatchesAsync() => Sql.ScalarAsync<long>(database.ConnectionString, """
        WITH expected AS (
            SELECT coalesce(d.outlet, s.outlet) AS outlet, coalesce(d.articles, 0) AS articles, coalesce(d.attributions, 0) AS attributions,
                   coalesce(d.named, 0) AS named, coalesce(d.anonymous, 0) AS anonymous, coalesce(d.reasoned, 0) AS reasoned,
                   coalesce(s.speakers, 0) AS speakers
            FROM (SELECT outlet, sum(article_count) AS articles, sum(attribution_count) AS attributions, sum(named_count) AS named,
                         sum(anonymous_count) AS anonymous, sum(reasoned_anonymous_count) AS reasoned
                  FROM query.sourcing_daily GROUP BY outlet) d
            FULL JOIN (SELECT outlet, count(*) AS speakers FROM query.speaker_outlet WHERE attribution_count > 0 GROUP BY outlet) s
                ON s.outlet = d.outlet
            WHERE (coalesce(d.articles, 0), coalesce(d.attributions, 0), coalesce(s.speakers, 0)) <> (0, 0, 0)),
        actual AS (
            SELECT outlet, article_count AS articles, attribution_count AS attributions, named_count AS named, anonymous_count AS anonymous,
                   reasoned_anonymous_count AS reasoned, speaker_count AS speakers
            FROM query.outlet_totals WHERE (article_count, attribution_count, speaker_count) <> (0, 0, 0))
        SELECT count(*) FROM ((SELECT * FROM expected EXCEPT SELECT * FROM actual) UNION ALL (SELECT * FROM actual EXCEPT SELECT * FROM expected)) x
        """);

    /// <summary>(outlet, day, speaker) entries of query.speaker_day_sets that differ from query.speaker_daily's positive counts.</summary>
    private Task<long> DaySetMismatchesAsync() => Sql.ScalarAsync<long>(database.ConnectionString, """
        WITH expected AS (SELECT outlet, day, speaker, attribution_count AS c FROM query.speaker_daily WHERE attribution_count > 0),
        actual AS (SELECT s.outlet, s.day, k.speaker, u.attribution_count AS c
                   FROM query.speaker_day_sets s, query.unpack_speaker_counts(s.speaker_counts) u
                   JOIN query.speaker_keys k ON k.key = u.speaker_key)
        SELECT count(*) FROM ((SELECT * FROM expected EXCEPT SELECT * FROM actual) UNION ALL (SELECT * FROM actual EXCEPT SELECT * FROM expected)) x
        """);

    /// <summary>The same numbers straight from ingest's and analysis's tables, with no read model involved.</summary>
    private async Task<List<string>> RecomputeAsync(string key)
    {
        var sql = $"""
            WITH r AS (
                SELECT {key} AS key, s.article_id, t.id, t.sourcing, t.reason_start, t.speaker
                FROM ingest.articles a JOIN analysis.article_analyses s ON s.article_id = a.id
                LEFT JOIN analysis.attributions t ON t.article_id = s.article_id),
            sp AS (SELECT key, speaker, count(*) AS c FROM r WHERE id IS NOT NULL GROUP BY 1, 2),
            top AS (SELECT key, string_agg(speaker || '=' || c, ',' ORDER BY c DESC, speaker) FILTER (WHERE rn <= 10) AS top
                    FROM (SELECT *, row_number() OVER (PARTITION BY key ORDER BY c DESC, speaker) AS rn FROM sp) x GROUP BY key)
            SELECT r.key, count(DISTINCT r.article_id), count(r.id), count(*) FILTER (WHERE sourcing = 1), count(*) FILTER (WHERE sourcing = 2),
                   count(*) FILTER (WHERE sourcing = 2 AND reason_start IS NOT NULL), count(DISTINCT r.speaker), coalesce(max(top.top), '')
            FROM r LEFT JOIN top ON top.key = r.key GROUP BY r.key
            """;
        var rows = new List<string>();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var anonymous = reader.GetInt64(4);
            var reasonedShare = anonymous == 0 ? 0 : (double)reader.GetInt64(5) / anonymous;
            rows.Add($"{reader.GetString(0)}: {reader.GetInt64(1)} {reader.GetInt64(2)} {reader.GetInt64(3)} {anonymous} {reasonedShare:F4} {reader.GetInt64(6)} {reader.GetString(7)}");
        }
        return [.. rows.OrderBy(x => x, StringComparer.Ordinal)];
    }
}
