using Npgsql;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Query.Data;
using Sourcing.Query.Grpc;

namespace Sourcing.Query.Lists;

/// <summary>GetArticle: the article, its counts, story, copies and attributions in one round trip (a batch of three statements).</summary>
public sealed class ArticleDetail(NpgsqlDataSource database)
{
    public async Task<GetArticleResponse> GetAsync(GetArticleRequest request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.ArticleId, out var id))
        {
            RpcErrors.ThrowInvalidArgument("article_id", $"'{request.ArticleId}' is not an article id.");
        }
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("""
                    SELECT a.id, a.external_id, a.url, a.title, a.outlet, a.byline, a.dateline, a.published_at, a.received_at,
                           a.text, a.state, s.attribution_count, s.anonymous_count, a.duplicate_of, st.story_id
                    FROM ingest.articles a
                    LEFT JOIN analysis.article_analyses s ON s.article_id = a.id
                    LEFT JOIN analysis.article_stories st ON st.article_id = a.id
                    WHERE a.id = $1
                    """) { Parameters = { new() { Value = id } } },
                new NpgsqlBatchCommand("""
                    SELECT other_article_id, shared_fraction FROM ingest.text_reuse_links
                    WHERE article_id = $1 ORDER BY shared_fraction DESC, other_article_id
                    """) { Parameters = { new() { Value = id } } },
                new NpgsqlBatchCommand($"""
                    SELECT {AttributionRows.Columns} FROM analysis.attributions r WHERE r.article_id = $1 ORDER BY r.ordinal
                    """) { Parameters = { new() { Value = id } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw RpcErrors.NotFound("Article", request.ArticleId);
        }
        var view = new ArticleView
        {
            Id = reader.GetGuid(0),
            ExternalId = reader.IsDBNull(1) ? null : reader.GetString(1),
            Url = reader.IsDBNull(2) ? null : reader.GetString(2),
            Title = reader.GetString(3),
            Outlet = reader.IsDBNull(4) ? null : reader.GetString(4),
            Byline = reader.IsDBNull(5) ? null : reader.GetString(5),
            Dateline = reader.IsDBNull(6) ? null : reader.GetString(6),
            PublishedAt = reader.IsDBNull(7) ? null : reader.GetDateTime(7),
            ReceivedAt = reader.GetDateTime(8),
            Text = reader.GetString(9),
            State = reader.GetInt16(10),
        };
        var response = new GetArticleResponse { Article = ArticleMapper.ToProto(view, null, withText: true) };
        response.Article.AttributionCount = reader.IsDBNull(11) ? 0 : reader.GetInt32(11);
        response.Article.AnonymousAttributionCount = reader.IsDBNull(12) ? 0 : reader.GetInt32(12);
        response.Article.DuplicateOf = reader.IsDBNull(13) ? "" : reader.GetGuid(13).ToString();
        response.Article.StoryId = reader.IsDBNull(14) ? "" : reader.GetGuid(14).ToString();
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            response.Article.TextReuseLinks.Add(new TextReuseLink { ArticleId = reader.GetGuid(0).ToString(), SharedFraction = reader.GetDouble(1) });
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            response.Attributions.Add(ArticleMapper.ToProto(AttributionRows.Read(reader, 0)));
        }
        return response;
    }
}
