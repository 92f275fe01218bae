using Grpc.Core;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.Ingest.Tests.Functional;

/// <summary>Drives IngestArticles the way a bulk client does: one stream, one answer per item, in order.</summary>
internal static class BulkClient
{
    public static IngestArticleRequest ToRequest(SyntheticArticles.Article article, int index) => new()
    {
        RequestId = $"bulk-{index}-{article.Title.GetHashCode(StringComparison.Ordinal):x}",
        Title = article.Title,
        Body = article.Body,
        Outlet = article.Outlet,
        ContentType = ContentType.Text,
    };

    public static async Task<List<IngestArticlesResponse>> IngestAsync(
        ServiceHost ingest, IReadOnlyList<IngestArticleRequest> requests, Func<int, Task>? afterEachWrite = null)
    {
        using var call = new IngestService.IngestServiceClient(ingest.Channel).IngestArticles(deadline: DateTime.UtcNow.AddMinutes(5));
        var reading = Task.Run(async () =>
        {
            var responses = new List<IngestArticlesResponse>();
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                responses.Add(response);
            }
            return responses;
        });
        for (var i = 0; i < requests.Count; i++)
        {
            await call.RequestStream.WriteAsync(new IngestArticlesRequest { Article = requests[i] });
            if (afterEachWrite is not null)
            {
                await afterEachWrite(i);
            }
        }
        await call.RequestStream.CompleteAsync();
        return await reading.WaitAsync(TimeSpan.FromMinutes(5));
    }

    public static Task<long> CountAnalyzedAsync(string connectionString) =>
        Sql.ScalarAsync<long>(connectionString, "SELECT count(*) FROM ingest.articles WHERE state = 4");
}
