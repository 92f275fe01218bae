using Npgsql;
using Sourcing.Contracts.V1;
using Sourcing.Query.Data;
using Sourcing.Query.Grpc;
using Sourcing.Query.Paging;

namespace Sourcing.Query.Lists;

/// <summary>ListArticles: the article index filtered, newest first, a keyset page at a time.</summary>
public sealed class ArticleList(NpgsqlDataSource database, PageTokens tokens, CommonSearchTerms commonTerms)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public async Task<ListArticlesResponse> ListAsync(ListArticlesRequest request, CancellationToken cancellationToken)
    {
        var size = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize);
        var sql = new SqlBuilder();
        ArticleFilterSql.Apply(request.Filter, sql, "filter");
        if (request.PageToken.Length > 0)
        {
            if (!tokens.TryDecode(request.PageToken, TokenKind.Articles, request.Filter, out var after))
            {
                throw InvalidToken.PageToken();
            }
            sql.Where($"(i.sort_time, i.article_id) < ({sql.Parameter(after.Time)}, {sql.Parameter(after.ArticleId)})");
            sql.NoLaterThan(after.Time);
        }
        if (sql.TextSearch is not null)
        {
            sql.CommonLexemes = await commonTerms.AtLeastAsync((size + 1) / (double)ArticlePageSql.SearchProbeRows, cancellationToken);
        }
        // The page is chosen on the index table alone and only its rows are joined to the articles: a search that
        // matches thousands of articles sorts their index rows, not thousands of article lookups.
        var text = $"""
            WITH page AS MATERIALIZED ({ArticlePageSql.Page(sql, size + 1)})
            SELECT p.article_id, p.sort_time, p.attribution_count, p.anonymous_count, a.external_id, a.url, a.title,
                   a.outlet, a.byline, a.dateline, a.published_at, a.received_at, a.state
            FROM page p JOIN ingest.articles a ON a.id = p.article_id
            ORDER BY p.sort_time DESC, p.article_id DESC
            """;
        var response = new ListArticlesResponse();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = sql.Command(connection, text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        Keyset last = default;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (response.Articles.Count == size)
            {
                response.NextPageToken = tokens.Encode(TokenKind.Articles, request.Filter, last);
                break;
            }
            var view = new ArticleView
            {
                Id = reader.GetGuid(0),
                ExternalId = reader.IsDBNull(4) ? null : reader.GetString(4),
                Url = reader.IsDBNull(5) ? null : reader.GetString(5),
                Title = reader.GetString(6),
                Outlet = reader.IsDBNull(7) ? null : reader.GetString(7),
                Byline = reader.IsDBNull(8) ? null : reader.GetString(8),
                Dateline = reader.IsDBNull(9) ? null : reader.GetString(9),
                PublishedAt = reader.IsDBNull(10) ? null : reader.GetDateTime(10),
                ReceivedAt = reader.GetDateTime(11),
                Text = "",
                State = reader.GetInt16(12),
            };
            var article = ArticleMapper.ToProto(view, null, withText: false);
            article.AttributionCount = reader.GetInt32(2);
            article.AnonymousAttributionCount = reader.GetInt32(3);
            response.Articles.Add(article);
            last = new Keyset(reader.GetDateTime(1), view.Id);
        }
        return response;
    }
}
