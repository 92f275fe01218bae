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
    /// <summary>The most articles one AnalyzeArticles call takes.</summary>
    public const int MaxBatch = 256;

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
        var article = ValidArticle(request);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var item = new ArticleToStore(article, engine.Analyze(article.Text));
        var stored = await store.StoreAsync([item], engine.Version, context.CancellationToken);
        metrics.Analyzed("analyze_article", started);
        return Stored(item, stored[0]);
    }

    public override async Task<AnalyzeArticlesResponse> AnalyzeArticles(AnalyzeArticlesRequest request, ServerCallContext context)
    {
        CheckBatch(request);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var results = request.Articles.Select(a => new AnalyzeArticlesResult { ArticleId = a.ArticleId }).ToList();
        var valid = new List<(int Index, ArticleToStore Item)>();
        for (var i = 0; i < request.Articles.Count; i++)
        {
            try
            {
                var article = ValidArticle(request.Articles[i]);
                valid.Add((i, new ArticleToStore(article, engine.Analyze(article.Text))));
            }
            catch (RpcException e)
            {
                results[i].Error = RpcErrors.ToStatus(e);
            }
        }
        if (valid.Count > 0)
        {
            var stored = await store.StoreAsync([.. valid.Select(v => v.Item)], engine.Version, context.CancellationToken);
            for (var j = 0; j < valid.Count; j++)
            {
                results[valid[j].Index].Response = Stored(valid[j].Item, stored[j]);
            }
        }
        metrics.Analyzed("analyze_articles", started);
        var response = new AnalyzeArticlesResponse();
        response.Results.AddRange(results);
        return response;
    }

    private AnalyzeArticleResponse Stored(ArticleToStore item, StoredAnalysis stored)
    {
        metrics.Found(item.Found);
        LogStored(logger, item.Article.ArticleId, stored.AttributionCount, stored.AnonymousCount);
        return new AnalyzeArticleResponse
        {
            ArticleId = item.Article.ArticleId.ToString(),
            EngineVersion = engine.Version,
            AttributionCount = stored.AttributionCount,
            AnonymousAttributionCount = stored.AnonymousCount,
            StoryId = stored.StoryId.ToString(),
        };
    }

    private static void CheckBatch(AnalyzeArticlesRequest request)
    {
        if (request.Articles.Count is 0 or > MaxBatch)
        {
            throw RpcErrors.InvalidArgument("articles", $"Give between 1 and {MaxBatch} articles; {request.Articles.Count} were given.");
        }
        var repeated = request.Articles.Select((a, i) => (a.ArticleId, i)).GroupBy(a => a.ArticleId).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            throw RpcErrors.InvalidArgument($"articles[{repeated.Skip(1).First().i}].article_id", $"Article '{repeated.Key}' is given more than once.");
        }
    }

    private ArticleInput ValidArticle(AnalyzeArticleRequest request)
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
        return new ArticleInput(
            articleId,
            request.Text,
            request.Outlet.Length > 0 ? request.Outlet : null,
            request.Title.Length > 0 ? request.Title : null,
            request.PublishTime?.ToDateTime());
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
