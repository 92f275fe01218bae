using Npgsql;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Query.Data;
using Sourcing.Query.Grpc;
using Sourcing.Query.Lists;

namespace Sourcing.Query.Stories;

/// <summary>
/// CompareStory: a story's versions side by side, per outlet: the speakers each used, the
/// statements several versions share (see <see cref="StatementMatcher"/>), what each version added
/// or dropped, and which versions are copies of which (near-duplicates, else the earlier version
/// it reuses the most text from).
/// </summary>
public sealed class StoryComparison(NpgsqlDataSource database)
{
    /// <summary>A version that shares at least this fraction of its text with an earlier one is a copy of it.</summary>
    public const double CopyFraction = 0.15;

    public async Task<CompareStoryResponse> CompareAsync(CompareStoryRequest request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.StoryId, out var storyId))
        {
            throw RpcErrors.InvalidArgument("story_id", $"'{request.StoryId}' is not a story id.");
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    SELECT a.id, a.title, a.outlet, a.published_at, a.received_at, a.state, a.duplicate_of
                    FROM analysis.article_stories st JOIN ingest.articles a ON a.id = st.article_id
                    WHERE st.story_id = $1 ORDER BY coalesce(a.published_at, a.received_at), a.id
                    """) { Parameters = { new() { Value = storyId } } },
                new NpgsqlBatchCommand($"""
                    SELECT {AttributionRows.Columns}
                    FROM analysis.article_stories st JOIN analysis.attributions r ON r.article_id = st.article_id
                    WHERE st.story_id = $1 ORDER BY r.article_id, r.ordinal
                    """) { Parameters = { new() { Value = storyId } } },
                new NpgsqlBatchCommand("""
                    SELECT l.article_id, l.other_article_id, l.shared_fraction
                    FROM analysis.article_stories st JOIN ingest.text_reuse_links l ON l.article_id = st.article_id
                    JOIN analysis.article_stories o ON o.article_id = l.other_article_id AND o.story_id = st.story_id
                    WHERE st.story_id = $1
                    """) { Parameters = { new() { Value = storyId } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var versions = new List<(ArticleView Article, Guid? DuplicateOf)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add((new ArticleView
            {
                Id = reader.GetGuid(0),
                Title = reader.GetString(1),
                Outlet = reader.IsDBNull(2) ? null : reader.GetString(2),
                PublishedAt = reader.IsDBNull(3) ? null : reader.GetDateTime(3),
                ReceivedAt = reader.GetDateTime(4),
                State = reader.GetInt16(5),
                Text = "",
            }, reader.IsDBNull(6) ? null : reader.GetGuid(6)));
        }
        if (versions.Count == 0)
        {
            throw RpcErrors.NotFound("Story", request.StoryId);
        }
        await reader.NextResultAsync(cancellationToken);
        var attributions = new List<AttributionView>();
        while (await reader.ReadAsync(cancellationToken))
        {
            attributions.Add(AttributionRows.Read(reader, 0));
        }
        await reader.NextResultAsync(cancellationToken);
        var links = new List<(Guid Article, Guid Other, double Fraction)>();
        while (await reader.ReadAsync(cancellationToken))
        {
            links.Add((reader.GetGuid(0), reader.GetGuid(1), reader.GetDouble(2)));
        }
        return Build(storyId, versions, attributions, links);
    }

    private static CompareStoryResponse Build(
        Guid storyId,
        List<(ArticleView Article, Guid? DuplicateOf)> versions,
        List<AttributionView> attributions,
        List<(Guid Article, Guid Other, double Fraction)> links)
    {
        var order = versions.Select((v, i) => (v.Article.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var statements = StatementMatcher.Group(attributions.OrderBy(a => order[a.ArticleId]).ThenBy(a => a.Ordinal));
        var shared = statements.Where(s => s.ArticleIds.Count() > 1).ToList();
        var response = new CompareStoryResponse { StoryId = storyId.ToString() };
        foreach (var statement in shared)
        {
            var entry = new SharedAttribution { Attribution = ArticleMapper.ToProto(statement.Members[0]) };
            entry.ArticleIds.AddRange(statement.ArticleIds.Select(id => id.ToString()));
            response.SharedAttributions.Add(entry);
        }
        foreach (var (article, duplicateOf) in versions)
        {
            var own = attributions.Where(a => a.ArticleId == article.Id).ToList();
            var version = new StoryVersion
            {
                Article = ArticleMapper.ToProto(article, null, withText: false),
                NamedCount = own.Count(a => a.Sourcing == (short)Contracts.V1.Sourcing.Named),
                AnonymousCount = own.Count(a => a.Sourcing == (short)Contracts.V1.Sourcing.Anonymous),
                CopyOf = CopyOf(article.Id, duplicateOf, order, links)?.ToString() ?? "",
            };
            version.Article.AttributionCount = own.Count;
            version.Article.AnonymousAttributionCount = version.AnonymousCount;
            version.Speakers.AddRange(own.Select(a => a.Speaker).Distinct(StringComparer.OrdinalIgnoreCase));
            version.AddedAttributions.AddRange(statements
                .Where(s => s.ArticleIds.Count() == 1 && s.Members[0].ArticleId == article.Id)
                .Select(s => ArticleMapper.ToProto(s.Members[0])));
            version.DroppedSharedIndexes.AddRange(shared
                .Select((s, i) => (s, i))
                .Where(x => x.s.ArticleIds.All(id => id != article.Id))
                .Select(x => x.i));
            response.Versions.Add(version);
        }
        return response;
    }

    private static Guid? CopyOf(Guid article, Guid? duplicateOf, Dictionary<Guid, int> order, List<(Guid Article, Guid Other, double Fraction)> links)
    {
        if (duplicateOf is { } original && order.ContainsKey(original))
        {
            return original;
        }
        return links
            .Where(l => l.Article == article && l.Fraction >= CopyFraction && order[l.Other] < order[article])
            .OrderByDescending(l => l.Fraction)
            .Select(l => (Guid?)l.Other)
            .FirstOrDefault();
    }
}
