using System.Text;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Sourcing.Analysis.Data;
using Sourcing.Analysis.Engine;
using Sourcing.Analysis.Reanalysis;
using Sourcing.Analysis.Telemetry;
using Sourcing.Attribution;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;

namespace Sourcing.Analysis.Grpc;

/// <summary>Runs the attribution engine on text, and on articles whose results it stores.</summary>
public sealed partial class AnalysisGrpcService(
    AttributionRunner engine,
    AnalysisStore store,
    ReanalysisJobs reanalysis,
    IOptions<AnalysisOptions> options,
    AnalysisMetrics metrics,
    ILogger<AnalysisGrpcService> logger) : AnalysisService.AnalysisServiceBase
{
    public override Task<AnalyzeResponse> Analyze(AnalyzeRequest request, ServerCallContext context)
    {
        CheckText(request.Text, "text");
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var response = new AnalyzeResponse { EngineVersion = engine.Version };
        response.Attributions.AddRange(engine.Analyze(request.Text).Select(a => AttributionMapper.ToProto(a, request.Text, engine.Version)));
        metrics.Analyzed("analyze", started);
        return Task.FromResult(response);
    }

    public override async Task<AnalyzeArticleResponse> AnalyzeArticle(AnalyzeArticleRequest request, ServerCallContext context)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        if (!Guid.TryParse(request.ArticleId, out var articleId))
        {
            violations.Add(new() { Field = "article_id", Description = $"'{request.ArticleId}' is not an article id." });
        }
        violations.AddRange(TextViolations(request.Text, "text"));
        violations.AddRange(TimeViolations(request.PublishTime, "publish_time"));
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var found = engine.Analyze(request.Text);
        var stored = await store.StoreAsync(new ArticleInput(
            articleId,
            request.Text,
            request.Outlet.Length > 0 ? request.Outlet : null,
            request.Title.Length > 0 ? request.Title : null,
            request.PublishTime?.ToDateTime()), found, engine.Version, context.CancellationToken);
        metrics.Analyzed("analyze_article", started);
        metrics.Found(found);
        LogStored(logger, articleId, stored.AttributionCount, stored.AnonymousCount);
        return new AnalyzeArticleResponse
        {
            ArticleId = articleId.ToString(),
            EngineVersion = engine.Version,
            AttributionCount = stored.AttributionCount,
            AnonymousAttributionCount = stored.AnonymousCount,
            StoryId = stored.StoryId.ToString(),
        };
    }

    public override async Task<ReanalyzeResponse> Reanalyze(ReanalyzeRequest request, ServerCallContext context)
    {
        var violations = new List<BadRequest.Types.FieldViolation>();
        violations.AddRange(TimeViolations(request.PublishStartTime, "publish_start_time"));
        violations.AddRange(TimeViolations(request.PublishEndTime, "publish_end_time"));
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var (from, to) = (request.PublishStartTime?.ToDateTime(), request.PublishEndTime?.ToDateTime());
        if (from >= to)
        {
            violations.Add(new() { Field = "publish_end_time", Description = "The end of the range must be after its start." });
        }
        if (!request.All && request.Outlet.Length == 0 && from is null && to is null)
        {
            violations.Add(new() { Field = "all", Description = "Give an outlet or a publication time range, or set all to reanalyze every article." });
        }
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
        var job = await reanalysis.StartAsync(
            new ReanalysisJobs.Filter(request.Outlet.Length > 0 ? request.Outlet : null, from, to),
            request.RequestId.Length > 0 ? request.RequestId : null,
            context.CancellationToken);
        LogReanalysisStarted(logger, job.Id, job.TotalCount, job.EngineVersion);
        return new ReanalyzeResponse { Job = ReanalysisMapper.ToProto(job) };
    }

    public override async Task<GetReanalysisResponse> GetReanalysis(GetReanalysisRequest request, ServerCallContext context)
    {
        if (!Guid.TryParse(request.JobId, out var id))
        {
            throw RpcErrors.InvalidArgument("job_id", $"'{request.JobId}' is not a job id.");
        }
        var job = await reanalysis.FindAsync(id, context.CancellationToken)
            ?? throw RpcErrors.NotFound("reanalysis job", request.JobId);
        return new GetReanalysisResponse { Job = ReanalysisMapper.ToProto(job) };
    }

    private void CheckText(string text, string field)
    {
        var violations = TextViolations(text, field).ToList();
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }
    }

    private static IEnumerable<BadRequest.Types.FieldViolation> TimeViolations(Google.Protobuf.WellKnownTypes.Timestamp? time, string field)
    {
        if (time is not null && !RequestValues.IsValid(time))
        {
            yield return new() { Field = field, Description = "Not a valid timestamp (from year 1 to 9999, nanos from 0 to 999,999,999)." };
        }
    }

    private IEnumerable<BadRequest.Types.FieldViolation> TextViolations(string text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            yield return new() { Field = field, Description = "The text is required." };
        }
        else if (Encoding.UTF8.GetByteCount(text) > options.Value.MaxTextBytes)
        {
            yield return new() { Field = field, Description = $"The text is over the {options.Value.MaxTextBytes}-byte limit." };
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Reanalysis job {JobId} started over {Total} articles with engine {EngineVersion}")]
    private static partial void LogReanalysisStarted(ILogger logger, Guid jobId, int total, string engineVersion);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored analysis of article {ArticleId}: {Count} attributions, {Anonymous} anonymous")]
    private static partial void LogStored(ILogger logger, Guid articleId, int count, int anonymous);
}
