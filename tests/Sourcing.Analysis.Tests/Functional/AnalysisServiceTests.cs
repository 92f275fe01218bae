using Google.Rpc;
using Grpc.Core;
using Sourcing.Analysis.Data;
using Sourcing.Analysis.Tests.Support;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.Analysis.Tests.Functional;

public sealed class AnalysisServiceTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private const string Text = "The dam will be drained in May.\n\n\u201CWe have no other choice,\u201D Mayor Ilse Varga said on Monday.";

    private ServiceHost _analysis = null!;

    private AnalysisService.AnalysisServiceClient Client => new(_analysis.Channel);

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(20);

    public async Task InitializeAsync()
    {
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, database.ConnectionString);
        _analysis = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString);
    }

    public async Task DisposeAsync() => await _analysis.DisposeAsync();

    [Fact]
    public async Task Analyze_TextWithQuote_ReturnsAttributionWhoseSpansIndexTheText()
    {
        var response = await Client.AnalyzeAsync(new AnalyzeRequest { Text = Text }, deadline: Deadline);

        response.EngineVersion.ShouldNotBeNullOrEmpty();
        var attribution = response.Attributions.ShouldHaveSingleItem();
        attribution.Content.Text.ShouldBe("We have no other choice,");
        attribution.Speaker.ShouldContain("Varga");
        foreach (var span in new[] { attribution.Cue, attribution.Source, attribution.Content })
        {
            Text[span.Start..span.End].ShouldBe(span.Text);
        }
    }

    [Fact]
    public async Task AnalyzeArticle_ArticleLinkingTwoStories_MergesThemWithCountsAndTimesOfAllThree()
    {
        const string strike = "The harbor strike closed the container port. Dockworkers picketed the harbor gates as the strike " +
            "entered its third day, and the port authority said cranes stood idle.";
        const string flood = "Flooding closed the river bridge. Engineers inspected the flooded bridge as the river kept rising, " +
            "and the water board said levees were holding.";
        var published = new DateTime(2031, 3, 2, 8, 0, 0, DateTimeKind.Utc);
        async Task<string> AnalyzeAsync(string text, int hour) => (await Client.AnalyzeArticleAsync(new AnalyzeArticleRequest
        {
            ArticleId = Guid.CreateVersion7().ToString(), Text = text, Outlet = "Merge Gazette",
            PublishTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(published.AddHours(hour)),
        }, deadline: Deadline)).StoryId;

        var strikeStory = await AnalyzeAsync(strike, 0);
        var floodStory = await AnalyzeAsync(flood, 2);
        var both = await AnalyzeAsync(strike + "\n\n" + flood, 1);

        strikeStory.ShouldNotBe(floodStory);
        var stories = await Rows.QueryAsync(database.ConnectionString,
            "SELECT id, article_count, first_time, last_time FROM analysis.stories WHERE id = ANY($1)",
            new[] { Guid.Parse(strikeStory), Guid.Parse(floodStory), Guid.Parse(both) });
        var merged = stories.ShouldHaveSingleItem();
        merged[0].ShouldBe(Guid.Parse(both));
        merged[1].ShouldBe(3);
        merged[2].ShouldBe(published);
        merged[3].ShouldBe(published.AddHours(2));
    }

    [Fact]
    public async Task AnalyzeArticle_CandidateCommittedWhileWaitingForTheCorpusLock_JoinsItsStory()
    {
        // The service reads story candidates before it takes the corpus lock. Here the test holds the lock, lets the
        // call read and wait, and commits a matching article's story meanwhile: the call must still find it.
        const string text = "Glacier researchers drilled an ice core on the Aletsch glacier. The ice core holds twelve thousand " +
            "years of snowfall, and the glacier researchers said the core shows the melt season lengthening.";
        var published = new DateTime(2032, 6, 1, 9, 0, 0, DateTimeKind.Utc);
        var (stored, storyId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var signature = Stories.TermExtractor.Extract(text, []);
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute("SELECT pg_advisory_xact_lock(hashtextextended('analysis:corpus', 0))");

        var call = Client.AnalyzeArticleAsync(new AnalyzeArticleRequest
        {
            ArticleId = Guid.CreateVersion7().ToString(), Text = text, Outlet = "Lock Ledger",
            PublishTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(published.AddHours(1)),
        }, deadline: Deadline).ResponseAsync;
        await WaitUntilAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0);
        await Execute("INSERT INTO analysis.stories (id, label, article_count, first_time, last_time, created_at, updated_at) VALUES ($1, 'Ice core', 1, $2, $2, now(), now())",
            storyId, published);
        await Execute("INSERT INTO analysis.article_stories (article_id, story_id, story_time, terms, weights, term_keys, similarity, assigned_at) VALUES ($1, $2, $3, $4, $5, $6, 0, now())",
            stored, storyId, published, signature.Terms, signature.WeightArray, Stories.StoryPeriods.Keys(signature.Terms, published));
        await transaction.CommitAsync();
        var response = await call;

        response.StoryId.ShouldBe(storyId.ToString());

        async Task Execute(string sql, params object[] values)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddRange(values.Select(v => new Npgsql.NpgsqlParameter { Value = v }).ToArray());
            await command.ExecuteNonQueryAsync();
        }
    }

    [Fact]
    public async Task AnalyzeArticle_SpeakerStoredWhileWaitingForTheCorpusLock_ResolvesToIt()
    {
        // The service reads speakers before it takes the corpus lock. Here the test holds the lock, lets the call read and
        // wait, and commits the same person meanwhile: the call must resolve to that speaker, not create a second one.
        const string name = "Ottilie Marchetti";
        const string text = "\"The glacier is retreating faster than any model predicted,\" said Ottilie Marchetti, a glaciologist " +
            "who has measured the Rhone glacier for twenty years.";
        var (articleId, speakerId) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var context = Stories.TermExtractor.Extract(text, [name]).Top(AnalysisStore.ContextTerms).ToArray();
        await using var connection = new Npgsql.NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Execute("SELECT pg_advisory_xact_lock(hashtextextended('analysis:corpus', 0))");

        var call = Client.AnalyzeArticleAsync(new AnalyzeArticleRequest { ArticleId = articleId.ToString(), Text = text, Outlet = "Lock Ledger" },
            deadline: Deadline).ResponseAsync;
        await WaitUntilAsync(async () => await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted") > 0);
        await Execute("INSERT INTO analysis.speakers (id, name, entity, block_key, context_terms, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, now(), now())",
            speakerId, name, (short)Grpc.AttributionMapper.ToProto(Attribution.EntityKind.Person),
            Speakers.SpeakerKeys.Block(name, Attribution.EntityKind.Person), context);
        await transaction.CommitAsync();
        await call;

        var speakers = await Rows.QueryAsync(database.ConnectionString,
            "SELECT DISTINCT speaker_id FROM analysis.attributions WHERE article_id = $1 AND speaker_id IS NOT NULL", articleId);
        speakers.ShouldHaveSingleItem()[0].ShouldBe(speakerId);

        async Task Execute(string sql, params object[] values)
        {
            await using var command = new Npgsql.NpgsqlCommand(sql, connection, transaction);
            command.Parameters.AddRange(values.Select(v => new Npgsql.NpgsqlParameter { Value = v }).ToArray());
            await command.ExecuteNonQueryAsync();
        }
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!await condition())
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "timed out waiting");
            await Task.Delay(20);
        }
    }

    [Fact]
    public async Task Analyze_BlankText_InvalidArgumentOnText()
    {
        var error = await Should.ThrowAsync<RpcException>(() => Client.AnalyzeAsync(new AnalyzeRequest { Text = " \n" }, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("text");
    }

    [Fact]
    public async Task AnalyzeArticle_SameArticleTwice_ReplacesTheStoredResult()
    {
        var id = Guid.CreateVersion7();
        var request = new AnalyzeArticleRequest { ArticleId = id.ToString(), Text = Text, Outlet = "Valley Ledger" };

        var first = await Client.AnalyzeArticleAsync(request, deadline: Deadline);
        var second = await Client.AnalyzeArticleAsync(request, deadline: Deadline);

        second.AttributionCount.ShouldBe(first.AttributionCount);
        first.AttributionCount.ShouldBeGreaterThan(0);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM analysis.attributions WHERE article_id = $1", id))
            .ShouldBe(first.AttributionCount);
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM analysis.article_analyses WHERE article_id = $1", id))
            .ShouldBe(1);
    }

    [Fact]
    public async Task AnalyzeArticles_OneInvalidItem_ItAloneGetsItsErrorAndTheOthersAreStored()
    {
        var (first, second) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        var request = new AnalyzeArticlesRequest();
        request.Articles.Add(new AnalyzeArticleRequest { ArticleId = first.ToString(), Text = Text, Outlet = "Valley Ledger" });
        request.Articles.Add(new AnalyzeArticleRequest { ArticleId = "not-an-id", Text = Text });
        request.Articles.Add(new AnalyzeArticleRequest { ArticleId = second.ToString(), Text = Text.Replace("Ilse", "Ilse M.", StringComparison.Ordinal) });

        var response = await Client.AnalyzeArticlesAsync(request, deadline: Deadline);

        response.Results.Select(r => r.ArticleId).ShouldBe([first.ToString(), "not-an-id", second.ToString()]);
        response.Results[0].Response.AttributionCount.ShouldBe(1);
        response.Results[1].Error.Code.ShouldBe((int)StatusCode.InvalidArgument);
        response.Results[1].Error.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("article_id");
        response.Results[2].Response.StoryId.ShouldBe(response.Results[0].Response.StoryId, "one event told twice in one batch is one story");
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM analysis.article_analyses WHERE article_id = ANY($1)", new[] { first, second }))
            .ShouldBe(2);
        (await Sql.ScalarAsync<long>(database.ConnectionString,
            "SELECT count(DISTINCT speaker_id) FROM analysis.attributions WHERE article_id = ANY($1)", new[] { first, second }))
            .ShouldBe(1, "Ilse Varga and Ilse M. Varga in one batch are one speaker");
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(257, false)]
    [InlineData(2, true)]
    public async Task AnalyzeArticles_EmptyOversizedOrRepeatedBatch_InvalidArgumentAndNothingStored(int count, bool repeatOneId)
    {
        var id = Guid.CreateVersion7();
        var request = new AnalyzeArticlesRequest();
        request.Articles.AddRange(Enumerable.Range(0, count).Select(i => new AnalyzeArticleRequest
        {
            ArticleId = repeatOneId || i == 0 ? id.ToString() : Guid.CreateVersion7().ToString(), Text = Text,
        }));

        var error = await Should.ThrowAsync<RpcException>(() => Client.AnalyzeArticlesAsync(request, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldStartWith("articles");
        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM analysis.article_texts WHERE article_id = $1", id)).ShouldBe(0);
    }

    [Fact]
    public async Task AnalyzeArticle_ConcurrentCallsForOneArticle_StoreOneConsistentResult()
    {
        var id = Guid.CreateVersion7();
        var request = new AnalyzeArticleRequest { ArticleId = id.ToString(), Text = Text };

        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Client.AnalyzeArticleAsync(request, deadline: Deadline).ResponseAsync));

        (await Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM analysis.attributions WHERE article_id = $1", id))
            .ShouldBe(responses[0].AttributionCount);
    }

    [Fact]
    public async Task AnalyzeArticle_MalformedIdAndNoText_ReportsBothFields()
    {
        var error = await Should.ThrowAsync<RpcException>(() => Client.AnalyzeArticleAsync(
            new AnalyzeArticleRequest { ArticleId = "42" }, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.Select(v => v.Field).ShouldBe(["article_id", "text"]);
    }
}
