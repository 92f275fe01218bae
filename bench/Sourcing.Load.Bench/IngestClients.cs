using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using Sourcing.Contracts.V1;
using Sourcing.Testing;

namespace Sourcing.Load.Bench;

/// <summary>
/// Clients that each keep one IngestArticles stream busy until the period ends, and remember every article
/// ingest acknowledged. Latency is from writing an item to reading its response.
/// </summary>
public sealed class IngestClients(IngestService.IngestServiceClient client, Operations operations, LoadSettings settings)
{
    public const string Operation = "IngestArticles";
    private int _sent;

    /// <summary>Ids that ingest answered CREATED, in no particular order; queriers read them too.</summary>
    public ConcurrentBag<string> Created { get; } = [];

    public int Duplicates;

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, settings.IngestClients).Select(c => Task.Run(() => RunClientAsync(c, stop))));

    private async Task RunClientAsync(int clientIndex, CancellationToken stop)
    {
        var written = new ConcurrentQueue<long>();
        using var call = client.IngestArticles(deadline: DateTime.UtcNow + settings.Duration + TimeSpan.FromMinutes(2));
        var reading = Task.Run(async () =>
        {
            await foreach (var response in call.ResponseStream.ReadAllAsync())
            {
                written.TryDequeue(out var start);
                if (response.Error is { } error)
                {
                    operations.Failed(Operation, (StatusCode)error.Code);
                    continue;
                }
                operations.Succeeded(Operation, Stopwatch.GetElapsedTime(start));
                if (response.Response.Outcome == IngestOutcome.Created)
                {
                    Created.Add(response.Response.ArticleId);
                }
                else
                {
                    Interlocked.Increment(ref Duplicates);
                }
            }
        });
        try
        {
            var i = 0;
            foreach (var article in SyntheticArticles.Generate(int.MaxValue, seed: 1000 + clientIndex))
            {
                if (stop.IsCancellationRequested || Interlocked.Increment(ref _sent) > settings.MaxArticles)
                {
                    break;
                }
                written.Enqueue(Stopwatch.GetTimestamp());
                await call.RequestStream.WriteAsync(new IngestArticlesRequest
                {
                    Article = new IngestArticleRequest
                    {
                        Title = article.Title,
                        // The same seed's articles differ; across clients a reference line keeps every body unique.
                        Body = $"{article.Body}\n\nReference {clientIndex}-{i++}.",
                        Outlet = article.Outlet,
                        ContentType = ContentType.Text,
                    },
                });
            }
            await call.RequestStream.CompleteAsync();
            await reading;
        }
        catch (RpcException e)
        {
            operations.Failed(Operation + " stream", e.StatusCode);
        }
    }
}
