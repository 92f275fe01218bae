using System.Diagnostics;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Sourcing.Contracts.V1;
using Sourcing.Ingest.Telemetry;

namespace Sourcing.Ingest.Outbox;

/// <summary>
/// Claims outbox rows and has each article analyzed over gRPC with a deadline; retries
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

    private static readonly StatusCode[] PermanentErrors =
    [
        StatusCode.InvalidArgument, StatusCode.NotFound, StatusCode.FailedPrecondition, StatusCode.OutOfRange,
        StatusCode.Unimplemented, StatusCode.PermissionDenied, StatusCode.Unauthenticated,
    ];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            LogDisabled(logger);
            return;
        }
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await ClaimAsync(settings, stoppingToken);
                failures = 0;
                if (claimed.Count == 0)
                {
                    await signal.WaitAsync(settings.PollInterval, stoppingToken);
                    continue;
                }
                await Parallel.ForEachAsync(claimed,
                    new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrency, CancellationToken = stoppingToken },
                    (message, ct) => new ValueTask(DispatchAsync(message, settings, ct)));
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

    private async Task<List<ClaimedMessage>> ClaimAsync(OutboxOptions settings, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        return await store.ClaimAsync(settings.BatchSize, settings.LeaseDuration, cancellationToken);
    }

    private async Task DispatchAsync(ClaimedMessage message, OutboxOptions settings, CancellationToken cancellationToken)
    {
        ActivityContext.TryParse(message.TraceParent, null, out var parent);
        using var activity = ActivitySource.StartActivity("outbox dispatch", ActivityKind.Consumer, parent);
        activity?.SetTag("sourcing.article_id", message.ArticleId);
        activity?.SetTag("sourcing.attempt", message.Attempts);

        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<OutboxStore>();
        try
        {
            var response = await analysis.AnalyzeArticleAsync(ToRequest(message),
                deadline: time.GetUtcNow().UtcDateTime + settings.CallDeadline, cancellationToken: cancellationToken);
            await store.CompleteAsync(message, time.GetUtcNow().UtcDateTime, cancellationToken);
            metrics.Dispatched("analyzed");
            LogAnalyzed(logger, message.ArticleId, response.AttributionCount, message.Attempts);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease runs out and another claim picks the row up.
        }
        catch (Exception e)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            await FailAsync(store, message, settings, e, cancellationToken);
        }
    }

    private async Task FailAsync(OutboxStore store, ClaimedMessage message, OutboxOptions settings, Exception error, CancellationToken cancellationToken)
    {
        var description = error is RpcException rpc ? $"{rpc.StatusCode}: {rpc.Status.Detail}" : $"{error.GetType().Name}: {error.Message}";
        var permanent = error is RpcException { StatusCode: var code } && PermanentErrors.Contains(code);
        if (permanent || message.Attempts >= settings.MaxAttempts)
        {
            LogParked(logger, message.ArticleId, message.Attempts, description);
            await store.ParkAsync(message, description, cancellationToken);
            metrics.Dispatched("parked");
            return;
        }
        var delay = Backoff.Delay(message.Attempts, settings.InitialBackoff, settings.MaxBackoff);
        LogRetrying(logger, message.ArticleId, message.Attempts, delay, description);
        await store.RetryLaterAsync(message, time.GetUtcNow().UtcDateTime + delay, description, cancellationToken);
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
