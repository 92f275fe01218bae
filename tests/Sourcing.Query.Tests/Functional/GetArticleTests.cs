using Google.Rpc;
using Grpc.Core;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.Query.Tests.Functional;

public sealed class GetArticleTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private ServiceHost _query = null!;

    private QueryService.QueryServiceClient Client => new(_query.Channel);

    private static DateTime Deadline => DateTime.UtcNow.AddSeconds(20);

    public async Task InitializeAsync()
    {
        await SourcingSchemas.MigrateAllAsync(database.ConnectionString);
        _query = await ServiceHost.StartAsync(QueryApp.Build, database.ConnectionString);
    }

    public async Task DisposeAsync() => await _query.DisposeAsync();

    [Fact]
    public async Task GetArticle_StoredAndAnalyzed_ReturnsArticleWithAttributionsInOrder()
    {
        var id = Guid.CreateVersion7();
        const string text = "Rain delayed the count.\n\n\u201CWe will finish tonight,\u201D Clerk Ana Pires said.";
        await Sql.ScalarAsync<int>(database.ConnectionString, """
            INSERT INTO ingest.articles (id, title, outlet, received_at, content_type, original_body, text, fingerprint, state, attempts)
            VALUES ($1, 'Count delayed', 'Hill Gazette', now(), 1, $2, $2, $3, 4, 1) RETURNING 1
            """, id, text, Guid.NewGuid().ToString("N"));
        await Sql.ScalarAsync<int>(database.ConnectionString, """
            INSERT INTO analysis.article_analyses (article_id, engine_version, analyzed_at, attribution_count, anonymous_count)
            VALUES ($1, 'test', now(), 2, 1) RETURNING 1
            """, id);
        foreach (var (ordinal, speaker, sourcing) in new[] { (1, "officials", 2), (0, "Ana Pires", 1) })
        {
            await Sql.ScalarAsync<int>(database.ConnectionString, """
                INSERT INTO analysis.attributions (id, article_id, ordinal, engine_version, cue_start, cue_end, cue_text,
                    source_start, source_end, source_text, content_start, content_end, content_text, quote_type, speaker, sourcing, entity)
                VALUES ($1, $2, $3, 'test', 66, 70, 'said', 48, 65, 'Clerk Ana Pires', 26, 48, 'We will finish tonight', 1, $4, $5, 1)
                RETURNING 1
                """, Guid.CreateVersion7(), id, ordinal, speaker, (short)sourcing);
        }

        var response = await Client.GetArticleAsync(new GetArticleRequest { ArticleId = id.ToString() }, deadline: Deadline);

        response.Article.Title.ShouldBe("Count delayed");
        response.Article.Outlet.ShouldBe("Hill Gazette");
        response.Article.State.ShouldBe(ArticleState.Analyzed);
        response.Article.Text.ShouldBe(text);
        response.Article.AttributionCount.ShouldBe(2);
        response.Article.AnonymousAttributionCount.ShouldBe(1);
        response.Attributions.Select(a => a.Speaker).ShouldBe(["Ana Pires", "officials"]);
        response.Attributions[0].Sourcing.ShouldBe(Contracts.V1.Sourcing.Named);
        response.Attributions[1].Sourcing.ShouldBe(Contracts.V1.Sourcing.Anonymous);
        response.Attributions[0].Content.Text.ShouldBe("We will finish tonight");
        response.Attributions[0].AnonymityReason.ShouldBeNull();
    }

    [Fact]
    public async Task GetArticle_UnknownId_NotFound()
    {
        var error = await Should.ThrowAsync<RpcException>(() => Client.GetArticleAsync(
            new GetArticleRequest { ArticleId = Guid.NewGuid().ToString() }, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.NotFound);
        error.GetRpcStatus()!.GetDetail<ErrorInfo>()!.Reason.ShouldBe("NOT_FOUND");
    }

    [Fact]
    public async Task GetArticle_MalformedId_InvalidArgumentOnArticleId()
    {
        var error = await Should.ThrowAsync<RpcException>(() => Client.GetArticleAsync(
            new GetArticleRequest { ArticleId = "x" }, deadline: Deadline).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        error.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("article_id");
    }

    [Fact]
    public async Task GetSpeakerAndCompareStory_UnknownOrMalformedIds_NotFoundOrInvalidArgument()
    {
        var unknownSpeaker = await Should.ThrowAsync<RpcException>(() => Client.GetSpeakerAsync(
            new GetSpeakerRequest { SpeakerId = Guid.NewGuid().ToString() }, deadline: Deadline).ResponseAsync);
        var malformedSpeaker = await Should.ThrowAsync<RpcException>(() => Client.GetSpeakerAsync(
            new GetSpeakerRequest { SpeakerId = "kirby" }, deadline: Deadline).ResponseAsync);
        var unknownStory = await Should.ThrowAsync<RpcException>(() => Client.CompareStoryAsync(
            new CompareStoryRequest { StoryId = Guid.NewGuid().ToString() }, deadline: Deadline).ResponseAsync);

        unknownSpeaker.StatusCode.ShouldBe(StatusCode.NotFound);
        malformedSpeaker.StatusCode.ShouldBe(StatusCode.InvalidArgument);
        malformedSpeaker.GetRpcStatus()!.GetDetail<BadRequest>()!.FieldViolations.ShouldHaveSingleItem().Field.ShouldBe("speaker_id");
        unknownStory.StatusCode.ShouldBe(StatusCode.NotFound);
    }
}
