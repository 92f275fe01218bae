using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sourcing.Contracts.V1;
using static Grpc.Core.StatusCode;

namespace Sourcing.BadInput.Tests.Functional;

/// <summary>Hostile and malformed requests to AnalysisService.</summary>
public static class AnalysisCases
{
    private const int ConfiguredLimit = 2 * 1024 * 1024;
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(60);

    public static IEnumerable<BadInputCase> All()
    {
        yield return Analyze("Analyze_EmptyText", InvalidArgument, "text", "");
        yield return Analyze("Analyze_TextOverConfiguredLimit", InvalidArgument, "text", new string('a', ConfiguredLimit + 1)) with { Deadline = Long };
        yield return Analyze("Analyze_TextOverTransportLimit", ResourceExhausted, null, new string('a', 5 * 1024 * 1024)) with { Deadline = Long };
        yield return Analyze("Analyze_MegabytesOfOneUnbrokenWord", OK, null, new string('w', ConfiguredLimit - 1)) with { Deadline = Long };
        yield return Analyze("Analyze_MegabytesOfQuotes", OK, null, string.Concat(Enumerable.Repeat("\u201C\"'", 300_000))) with { Deadline = Long };
        yield return Analyze("Analyze_ControlCharactersAndNul", OK, null, "\0\u0001 \u201CWe will,\u201D\u0007 the\0 mayor said.\u001B");
        yield return Analyze("Analyze_MixedScriptsAndRightToLeft", OK, null, "\u202E«مرحبا» قال الوزير. \u201Cשלום,\u201D said Lena Holm. 你好, 她说.");
        yield return Article("AnalyzeArticle_MalformedId", InvalidArgument, "article_id", new() { ArticleId = "article-1", Text = "The mayor said." });
        yield return Article("AnalyzeArticle_HugeMalformedId", InvalidArgument, "article_id", new() { ArticleId = new string('x', 500_000), Text = "The mayor said." });
        yield return Article("AnalyzeArticle_EmptyId", InvalidArgument, "article_id", new() { Text = "The mayor said." });
        yield return Article("AnalyzeArticle_EmptyText", InvalidArgument, "text", new() { ArticleId = Guid.NewGuid().ToString() });
        yield return Article("AnalyzeArticle_PublishTimeOutOfRange", InvalidArgument, "publish_time", new()
        {
            ArticleId = Guid.NewGuid().ToString(), Text = "The mayor said.", PublishTime = new Timestamp { Seconds = long.MaxValue },
        });
        yield return Article("AnalyzeArticle_PublishTimeNegativeNanos", InvalidArgument, "publish_time", new()
        {
            ArticleId = Guid.NewGuid().ToString(), Text = "The mayor said.", PublishTime = new Timestamp { Seconds = 1_600_000_000, Nanos = -5 },
        });
        yield return Reanalyze("Reanalyze_NoScope", InvalidArgument, "all", new());
        yield return Reanalyze("Reanalyze_EndBeforeStart", InvalidArgument, "publish_end_time", new()
        {
            PublishStartTime = Timestamp.FromDateTime(new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc)),
            PublishEndTime = Timestamp.FromDateTime(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        });
        yield return Reanalyze("Reanalyze_StartTimeOutOfRange", InvalidArgument, "publish_start_time", new()
        {
            PublishStartTime = new Timestamp { Seconds = long.MinValue },
        });
        yield return Reanalyze("Reanalyze_EndTimeInvalidNanos", InvalidArgument, "publish_end_time", new()
        {
            PublishEndTime = new Timestamp { Seconds = 0, Nanos = int.MaxValue },
        });
        yield return new("GetReanalysis_MalformedId", InvalidArgument, "job_id", (sut, deadline) =>
            sut.Analysis.GetReanalysisAsync(new GetReanalysisRequest { JobId = "../../etc/passwd" }, deadline: deadline).ResponseAsync);
        yield return new("GetReanalysis_UnknownId", NotFound, null, (sut, deadline) =>
            sut.Analysis.GetReanalysisAsync(new GetReanalysisRequest { JobId = Guid.NewGuid().ToString() }, deadline: deadline).ResponseAsync);
    }

    private static BadInputCase Analyze(string name, StatusCode expected, string? field, string text) =>
        new(name, expected, field, (sut, deadline) => sut.Analysis.AnalyzeAsync(new AnalyzeRequest { Text = text }, deadline: deadline).ResponseAsync);

    private static BadInputCase Article(string name, StatusCode expected, string? field, AnalyzeArticleRequest request) =>
        new(name, expected, field, (sut, deadline) => sut.Analysis.AnalyzeArticleAsync(request, deadline: deadline).ResponseAsync);

    private static BadInputCase Reanalyze(string name, StatusCode expected, string? field, ReanalyzeRequest request) =>
        new(name, expected, field, (sut, deadline) => sut.Analysis.ReanalyzeAsync(request, deadline: deadline).ResponseAsync);
}
