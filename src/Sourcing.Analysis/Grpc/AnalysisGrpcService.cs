using System.Text;
using Google.Rpc;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Sourcing.Analysis.Data;
using Sourcing.Attribution;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;

namespace Sourcing.Analysis.Grpc;

/// <summary>Runs the attribution engine on text, and on articles whose results it stores.</summary>
public sealed partial class AnalysisGrpcService(
    AttributionEngine engine,
    AnalysisStore store,
    TimeProvider time,
    IOptions<AnalysisOptions> options,
    ILogger<AnalysisGrpcService> logger) : AnalysisService.AnalysisServiceBase
{
    public override Task<AnalyzeResponse> Analyze(AnalyzeRequest request, ServerCallContext context)
    {
        CheckText(request.Text, "text");
        var response = new AnalyzeResponse { EngineVersion = AttributionEngine.Version };
        response.Attributions.AddRange(engine.Analyze(request.Text).Select(a => AttributionMapper.ToProto(a, request.Text)));
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
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
        }

        var found = engine.Analyze(request.Text);
        var stored = found.Select((a, i) => AttributionMapper.ToStored(a, request.Text, articleId, i)).ToList();
        var anonymous = found.Count(a => a.Sourcing == SourcingKind.Anonymous);
        await store.ReplaceAsync(new ArticleAnalysis
        {
            ArticleId = articleId,
            EngineVersion = AttributionEngine.Version,
            AnalyzedAt = time.GetUtcNow().UtcDateTime,
            Outlet = request.Outlet.Length > 0 ? request.Outlet : null,
            Title = request.Title.Length > 0 ? request.Title : null,
            PublishedAt = request.PublishTime?.ToDateTime(),
            AttributionCount = found.Count,
            AnonymousCount = anonymous,
        }, stored, context.CancellationToken);
        LogStored(logger, articleId, found.Count, anonymous);
        return new AnalyzeArticleResponse
        {
            ArticleId = articleId.ToString(),
            EngineVersion = AttributionEngine.Version,
            AttributionCount = found.Count,
            AnonymousAttributionCount = anonymous,
        };
    }

    private void CheckText(string text, string field)
    {
        var violations = TextViolations(text, field).ToList();
        if (violations.Count > 0)
        {
            throw RpcErrors.InvalidArgument(violations);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored analysis of article {ArticleId}: {Count} attributions, {Anonymous} anonymous")]
    private static partial void LogStored(ILogger logger, Guid articleId, int count, int anonymous);
}
