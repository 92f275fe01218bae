namespace Sourcing.Analysis.Data;

/// <summary>An article to analyze and store: what <c>AnalyzeArticle</c> received, or what a reanalysis read back.</summary>
public sealed record ArticleInput(Guid ArticleId, string Text, string? Outlet, string? Title, DateTime? PublishedAt);
