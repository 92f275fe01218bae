using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Telemetry;

namespace Sourcing.Ingest.Outbox;

/// <summary>
/// Claims outbox rows and has them analyzed over gRPC in batches, up to <see cref="OutboxOptions.MaxConcurrency"/>
/// calls in flight, each claimed as a slot frees; each call has a deadline, and on shutdown the calls in flight finish
/// before the dispatcher stops. Retries
/// transient failures with exponential back-off and jitter, and parks an article as failed
/// after <see cref="OutboxOptions.MaxAttempts"/> attempts or a permanent error.
/// </summary>
public sealed partial class OutboxDispatcher(
    IServiceScopeFactory scopes,
    AnalysisService.AnalysisServiceClient analysis,
    OutboxSignal signal,
    IngestMetrics metrics,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher> logger) : BackgroundService
{
    public static readonly ActivitySource ActivitySource = new("Sourcing.Ingest.Outbox");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        var failures = 0;
        var batchSize = new AdaptiveBatchSize(Math.Min(settings.AnalyzeBatchSize, 256));
        var inFlight = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    if (inFlight.Count >= settings.MaxConcurrency)
                    {
                        await Task.WhenAny(inFlight);
                    }
                    await CollectFinishedAsync(inFlight);
                    // One call's worth at a time, claimed as a slot frees: while one call holds analysis's corpus
                    // lock, the next is already doing the work that needs none.
                    var claimed = await ClaimAsync(batchSize.Current, settings, stoppingToken);
                    failures = 0;
                    if (claimed.Count == 0)
                    {
                        await signal.WaitAsync(settings.PollInterval, stoppingToken);
                        continue;
                    }
                    // Not cancelled by shutdown: a call in flight finishes (within its deadline) and records its outcome,
                    // so a restart neither wastes analysis work nor aborts analysis's transaction halfway.
                    inFlight.Add(DispatchAsync([.. claimed], batchSize, settings));
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    // The database is down or restarting: wait and try again; the rows stay in the outbox.
                    failures++;
                    LogDispatchLoopFailed(logger, e, failures);
                    await Task.Delay(Backoff.Delay(failures, settings.InitialBackoff, settings.MaxBackoff), time, stoppingToken)
                        .ContinueWith(_ => { }, TaskScheduler.Default);
                }
            }
        }
        finally
        {
            // On shutdown no more rows are claimed; the calls in flight are waited for.
            await Task.WhenAll(inFlight).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Takes the finished calls out, rethrowing the first failure (a dispatch that could not store its outcome).</summary>
    private static async Task CollectFinishedAsync(List<Task> inFlight)
    {
        var finished = inFlight.Where(t => t.IsCompleted).ToList();
        inFlight.RemoveAll(finished.Contains);
        await Task.WhenAll(finished);
    }

    private async Task<List<ClaimedMessage>> ClaimAsync(int count, OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        return await store.ClaimAsync(count, settings.LeaseDuration, cancellationToken);
    }

    /// <summary>
    /// Has a batch analyzed in one AnalyzeArticles call. Its span continues the first article's trace and links
    /// the others', as a batch consumer's does; a batch of one continues its article's trace.
    /// </summary>
    private async Task DispatchAsync(ClaimedMessage[] batch, AdaptiveBatchSize batchSize, OutboxOptions settings)
    {
        var contexts = batch.Select(m => ActivityContext.TryParse(m.TraceParent, null, out var c) ? c : default).ToList();
        using var activity = ActivitySource.StartActivity("outbox dispatch", ActivityKind.Consumer, contexts[0],
            links: contexts.Skip(1).Where(c => c != default).Select(c => new ActivityLink(c)));
        activity?.SetTag("sourcing.article_count", batch.Length);
        if (batch.Length == 1)
        {
            activity?.SetTag("sourcing.article_id", batch[0].ArticleId);
            activity?.SetTag("sourcing.attempt", batch[0].Attempts);
        }

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        AnalyzeArticlesResponse response;
        try
        {
            var request = new AnalyzeArticlesRequest();
            request.Articles.AddRange(batch.Select(ToRequest));
            response = await analysis.AnalyzeArticlesAsync(request,
                deadline: time.GetUtcNow().UtcDateTime + settings.CallDeadline);
            if (response.Results.Count != batch.Length)
            {
                throw new InvalidOperationException($"Analysis answered {response.Results.Count} results for {batch.Length} articles.");
            }
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            if (e is RpcException { StatusCode: StatusCode.DeadlineExceeded or StatusCode.Cancelled })
            {
                batchSize.TimedOut();
            }
            var failure = DispatchFailure.From(e);
            foreach (var message in batch)
            {
                await FailAsync(store, message, settings, failure);
            }
            return;
        }

        batchSize.Succeeded();
        var analyzed = new List<ClaimedMessage>(batch.Length);
        for (var i = 0; i < batch.Length; i++)
        {
            if (response.Results[i].Error is { } error)
            {
                await FailAsync(store, batch[i], settings, DispatchFailure.From(error));
                continue;
            }
            analyzed.Add(batch[i]);
            LogAnalyzed(logger, batch[i].ArticleId, response.Results[i].Response.AttributionCount, batch[i].Attempts);
        }
        await store.CompleteAsync(analyzed, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        metrics.Dispatched("analyzed", analyzed.Count);
    }

    private async Task FailAsync(OutboxStore store, ClaimedMessage message, OutboxOptions settings, DispatchFailure failure)
    {
        if (failure.Permanent || message.Attempts >= settings.MaxAttempts)
        {
            LogParked(logger, message.ArticleId, message.Attempts, failure.Description);
            await store.ParkAsync(message, failure.Description, CancellationToken.None);
            metrics.Dispatched("parked");
            return;
        }
        var delay = Backoff.Delay(message.Attempts, settings.InitialBackoff, settings.MaxBackoff);
        LogRetrying(logger, message.ArticleId, message.Attempts, delay, failure.Description);
        await store.RetryLaterAsync(message, time.GetUtcNow().UtcDateTime + delay, failure.Description, CancellationToken.None);
        metrics.Dispatched("retry");
    }

    private static AnalyzeArticleRequest ToRequest(ClaimedMessage article) => new()
    {
        ArticleId = article.ArticleId.ToString(),
        Text = article.Text,
        Outlet = article.Outlet ?? "",
        Title = article.Title,
        PublishTime = article.PublishedAt is { } published ? Timestamp.FromDateTime(DateTime.SpecifyKind(published, DateTimeKind.Utc)) : null,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Article {ArticleId} analyzed: {AttributionCount} attributions (attempt {Attempt})")]
    private static partial void LogAnalyzed(ILogger logger, Guid articleId, int attributionCount, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analysis of article {ArticleId} failed on attempt {Attempt}; retrying in {Delay}: {Error}")]
    private static partial void LogRetrying(ILogger logger, Guid articleId, int attempt, TimeSpan delay, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Article {ArticleId} parked as failed after {Attempt} attempt(s): {Error}")]
    private static partial void LogParked(ILogger logger, Guid articleId, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatch is disabled in this replica (Outbox:Enabled=false)")]
    private static partial void LogDisabled(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox could not be read ({Failures} time(s) in a row); retrying")]
    private static partial void LogDispatchLoopFailed(ILogger logger, Exception exception, int failures);
}
