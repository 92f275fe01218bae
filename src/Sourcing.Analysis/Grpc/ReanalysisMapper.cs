using Google.Protobuf.WellKnownTypes;
using Sourcing.Contracts.V1;

namespace Sourcing.Analysis.Grpc;

/// <summary>Maps stored reanalysis jobs to the API.</summary>
public static class ReanalysisMapper
{
    public static ReanalysisJob ToProto(Data.ReanalysisJob job) => new()
    {
        JobId = job.Id.ToString(),
        State = (ReanalysisState)job.State,
        Outlet = job.Outlet ?? string.Empty,
        PublishStartTime = Time(job.PublishedFrom),
        PublishEndTime = Time(job.PublishedTo),
        EngineVersion = job.EngineVersion,
        TotalArticleCount = job.TotalCount,
        ProcessedArticleCount = job.ProcessedCount,
        ReanalyzedArticleCount = job.ReanalyzedCount,
        SkippedArticleCount = job.SkippedCount,
        FailedArticleCount = job.FailedCount,
        LastError = job.LastError ?? string.Empty,
        CreateTime = Time(job.CreatedAt),
        UpdateTime = Time(job.UpdatedAt),
        CompleteTime = Time(job.CompletedAt),
    };

    private static Timestamp? Time(DateTime? t) => t is { } value ? Timestamp.FromDateTime(DateTime.SpecifyKind(value, DateTimeKind.Utc)) : null;
}
