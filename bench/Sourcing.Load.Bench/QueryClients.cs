using System.Diagnostics;
using Grpc.Core;
using Sourcing.Contracts.V1;

namespace Sourcing.Load.Bench;

/// <summary>Clients that alternate GetArticle (an article ingest acknowledged) and ListArticles (the newest page, then the next).</summary>
public sealed class QueryClients(QueryService.QueryServiceClient client, IngestClients ingest, Operations operations, LoadSettings settings)
{
    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, settings.QueryClients).Select(c => Task.Run(() => RunClientAsync(new Random(c), stop))));

    private async Task RunClientAsync(Random random, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var ids = ingest.Created.ToArray();
            if (ids.Length > 0)
            {
                await TimeAsync("GetArticle", () => client.GetArticleAsync(
                    new GetArticleRequest { ArticleId = ids[random.Next(ids.Length)] }, deadline: Deadline()).ResponseAsync);
            }
            var page = await TimeAsync("ListArticles", () => client.ListArticlesAsync(
                new ListArticlesRequest { PageSize = 20 }, deadline: Deadline()).ResponseAsync);
            if (page is { NextPageToken.Length: > 0 })
            {
                await TimeAsync("ListArticles", () => client.ListArticlesAsync(
                    new ListArticlesRequest { PageSize = 20, PageToken = page.NextPageToken }, deadline: Deadline()).ResponseAsync);
            }
        }
    }

    private static DateTime Deadline() => DateTime.UtcNow.AddSeconds(10);

    private async Task<T?> TimeAsync<T>(string operation, Func<Task<T>> call) where T : class
    {
        var start = Stopwatch.GetTimestamp();
        try
        {
            var response = await call();
            operations.Succeeded(operation, Stopwatch.GetElapsedTime(start));
            return response;
        }
        catch (RpcException e)
        {
            operations.Failed(operation, e.StatusCode);
            return null;
        }
    }
}
