using System.Diagnostics;
using Google.Rpc;
using Grpc.Core;
using Grpc.Health.V1;
using Sourcing.Contracts.V1;
using Sourcing.Testing;
using Xunit.Abstractions;

namespace Sourcing.BadInput.Tests.Functional;

/// <summary>
/// The bad-input corpus against real ingest, analysis and query hosts on one database: each case gets its status
/// within its deadline, a rejected case writes no row anywhere, and the services stay healthy and useful.
/// </summary>
[TestCaseOrderer(LastTestOrderer.TypeName, LastTestOrderer.AssemblyName)]
public sealed class BadInputTests(SystemUnderTest sut, ITestOutputHelper output) : IClassFixture<SystemUnderTest>
{
    [Theory]
    [MemberData(nameof(BadInputCases.Names), MemberType = typeof(BadInputCases))]
    public async Task Call_HostileOrMalformedInput_ExpectedStatusAndNothingHalfWritten(string name)
    {
        var @case = BadInputCases.ByName[name];
        if (@case.Arrange is { } arrange)
        {
            await arrange(sut, SystemUnderTest.Deadline(@case.Deadline));
        }
        await sut.QuiesceAsync();
        var before = await sut.CountRowsAsync();
        var clock = Stopwatch.StartNew();

        var status = StatusCode.OK;
        RpcException? error = null;
        try
        {
            await @case.Call(sut, SystemUnderTest.Deadline(@case.Deadline)).WaitAsync(@case.Deadline + TimeSpan.FromSeconds(90));
        }
        catch (RpcException e)
        {
            (status, error) = (e.StatusCode, e);
        }
        output.WriteLine($"{name}: {status} in {clock.ElapsedMilliseconds} ms: {error?.Status.Detail}");

        status.ShouldBe(@case.Expected, error?.Status.Detail);
        if (@case.Field is { } field)
        {
            var details = error.ShouldNotBeNull().GetRpcStatus().ShouldNotBeNull();
            (details.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field).ToList() ?? []).ShouldContain(field);
            details.GetDetail<ErrorInfo>().ShouldNotBeNull().Domain.ShouldBe("sourcing.v1");
        }
        if (@case.Expected != StatusCode.OK)
        {
            await sut.QuiesceAsync();
            (await sut.CountRowsAsync()).ShouldBe(before);
        }
        (await sut.HealthAsync()).ShouldAllBe(s => s == HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    public async Task IngestArticles_ClientCancelsHalfway_AcknowledgedItemsStoredAndServerHealthy()
    {
        // Enough that the writer is still held back by flow control when the client gives up.
        var requests = SyntheticArticles.Generate(3000, seed: 4242)
            .Select(a => new IngestArticlesRequest { Article = new IngestArticleRequest { Title = a.Title, Body = a.Body, Outlet = a.Outlet, ContentType = ContentType.Text } })
            .ToList();
        using var cancel = new CancellationTokenSource();
        var acknowledged = new List<string>();
        using (var call = sut.Ingest.IngestArticles(deadline: SystemUnderTest.Deadline(TimeSpan.FromSeconds(60)), cancellationToken: cancel.Token))
        {
            var writing = Task.Run(async () =>
            {
                foreach (var request in requests)
                {
                    await call.RequestStream.WriteAsync(request, cancel.Token);
                }
            });
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                acknowledged.Add(response.Response.ArticleId);
                if (acknowledged.Count == 50)
                {
                    break;
                }
            }
            await cancel.CancelAsync();
            var writer = await Task.WhenAny(writing, Task.Delay(TimeSpan.FromSeconds(30)));
            writer.ShouldBe(writing);
            output.WriteLine($"writer ended {writing.Status}");
        }

        var ids = acknowledged.Select(Guid.Parse).ToArray();
        await sut.QuiesceAsync();
        (await Sql.ScalarAsync<long>(sut.ConnectionString, "SELECT count(*) FROM ingest.articles WHERE id = ANY($1)", ids)).ShouldBe(ids.Length);
        // Whatever the server stored from the abandoned rest is whole: stored once, and analyzed like any other.
        var titles = requests.Select(r => r.Article.Title).ToArray();
        (await Sql.ScalarAsync<long>(sut.ConnectionString, "SELECT count(*) - count(DISTINCT title) FROM ingest.articles WHERE title = ANY($1)", (object)titles)).ShouldBe(0);
        var stored = await Sql.ScalarAsync<long>(sut.ConnectionString, "SELECT count(*) FROM ingest.articles WHERE title = ANY($1)", (object)titles);
        output.WriteLine($"{ids.Length} acknowledged, {stored} stored of {requests.Count} sent");
        stored.ShouldBeLessThan(requests.Count);
        (await Sql.ScalarAsync<long>(sut.ConnectionString, "SELECT count(*) FROM ingest.articles WHERE title = ANY($1) AND state <> 4", (object)titles)).ShouldBe(0);
        (await sut.HealthAsync()).ShouldAllBe(s => s == HealthCheckResponse.Types.ServingStatus.Serving);
    }

    [Fact]
    [RunsLast]
    public async Task Pipeline_AfterTheWholeCorpus_HealthyAndIngestAnalyzeGetArticleStillWork()
    {
        var article = SyntheticArticles.Generate(1, seed: 9090).Single();

        var ingested = await sut.IngestAndAwaitAnalysisAsync(
            new IngestArticleRequest { Title = article.Title, Body = article.Body, Outlet = article.Outlet, ContentType = ContentType.Text },
            SystemUnderTest.Deadline(TimeSpan.FromSeconds(30)));
        var got = await sut.Query.GetArticleAsync(new GetArticleRequest { ArticleId = ingested.ArticleId },
            deadline: SystemUnderTest.Deadline(TimeSpan.FromSeconds(15)));

        (await sut.HealthAsync()).ShouldAllBe(s => s == HealthCheckResponse.Types.ServingStatus.Serving);
        ingested.Outcome.ShouldBe(IngestOutcome.Created);
        got.Article.Title.ShouldBe(article.Title);
        got.Article.State.ShouldBe(ArticleState.Analyzed);
        got.Attributions.ShouldNotBeEmpty();
    }
}
