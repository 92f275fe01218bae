using Npgsql;
using Sourcing.Contracts.V1;
using Sourcing.Query.Data;
using Sourcing.Query.Grpc;
using Sourcing.Query.Paging;

namespace Sourcing.Query.Lists;

/// <summary>
/// ListAttributions and StreamAttributions: attributions of the filtered articles, newest article first and in
/// document order within one, read a keyset page at a time (the export reads page after page, so its memory
/// stays one page whatever the total).
/// </summary>
public sealed class AttributionList(NpgsqlDataSource database, PageTokens tokens)
{
    public const int DefaultPageSize = 100;
    public const int MaxPageSize = 1000;
    private const int StreamPageSize = 500;

    public async Task<ListAttributionsResponse> ListAsync(ListAttributionsRequest request, CancellationToken cancellationToken)
    {
        var size = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize);
        var sql = Filter(request.Filter);
        Keyset? after = null;
        if (request.PageToken.Length > 0)
        {
            after = tokens.TryDecode(request.PageToken, TokenKind.Attributions, request.Filter, out var position)
                ? position
                : throw InvalidToken.PageToken();
        }
        var (rows, next) = await ReadPageAsync(sql, after, size, cancellationToken);
        var response = new ListAttributionsResponse { Attributions = { rows } };
        if (next is { } nextPosition)
        {
            response.NextPageToken = tokens.Encode(TokenKind.Attributions, request.Filter, nextPosition);
        }
        return response;
    }

    /// <summary>
    /// Writes every attribution of the filter, a page at a time. Each page is read whole and its connection returned
    /// to the pool before the page is written, so a slow reader holds memory for one page and no connection.
    /// </summary>
    public async Task StreamAsync(AttributionFilter? filter, Func<Contracts.V1.Attribution, Task> write, CancellationToken cancellationToken)
    {
        var sql = Filter(filter);
        Keyset? after = null;
        do
        {
            (var rows, after) = await ReadPageAsync(sql, after, StreamPageSize, cancellationToken);
            foreach (var attribution in rows)
            {
                await write(attribution);
            }
        }
        while (after is not null);
    }

    private static SqlBuilder Filter(AttributionFilter? filter)
    {
        var sql = new SqlBuilder();
        AttributionFilterSql.Apply(filter, sql, "filter");
        return sql;
    }

    /// <summary>
    /// Reads the first <paramref name="pageSize"/> rows after <paramref name="after"/>, and the position of the last
    /// of them when more rows follow (null on the last page).
    /// </summary>
    private async Task<(List<Contracts.V1.Attribution> Rows, Keyset? Next)> ReadPageAsync(SqlBuilder filter, Keyset? after, int pageSize,
        CancellationToken cancellationToken)
    {
        var where = filter.WhereClause;
        var sql = new SqlBuilder();
        sql.Parameters.AddRange(filter.Parameters.Select(p => p.Clone()));
        if (after is { } a)
        {
            var time = sql.Parameter(a.Time);
            var id = sql.Parameter(a.ArticleId);
            // The first condition bounds the index scan; the second skips the rest of the boundary article's rows.
            where += $"\n  AND (i.sort_time, i.article_id) <= ({time}, {id})" +
                $"\n  AND ((i.sort_time, i.article_id) < ({time}, {id}) OR r.ordinal > {sql.Parameter(a.Ordinal)})";
        }
        var text = $"""
            SELECT i.sort_time, {AttributionRows.Columns}
            FROM query.article_index i JOIN analysis.attributions r ON r.article_id = i.article_id
            WHERE {where}
            ORDER BY i.sort_time DESC, i.article_id DESC, r.ordinal
            LIMIT {pageSize + 1}
            """;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = sql.Command(connection, text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<Contracts.V1.Attribution>();
        Keyset last = default;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (rows.Count == pageSize)
            {
                return (rows, last);
            }
            var view = AttributionRows.Read(reader, 1);
            last = new Keyset(reader.GetDateTime(0), view.ArticleId, view.Ordinal);
            rows.Add(ArticleMapper.ToProto(view));
        }
        return (rows, null);
    }
}
