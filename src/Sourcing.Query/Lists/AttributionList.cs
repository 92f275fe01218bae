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
        var response = new ListAttributionsResponse();
        var last = await ReadPageAsync(sql, after, size + 1, (attribution, _) =>
        {
            if (response.Attributions.Count < size)
            {
                response.Attributions.Add(attribution);
            }
            return Task.CompletedTask;
        }, size, cancellationToken);
        if (last is { } next)
        {
            response.NextPageToken = tokens.Encode(TokenKind.Attributions, request.Filter, next);
        }
        return response;
    }

    public async Task StreamAsync(AttributionFilter? filter, Func<Contracts.V1.Attribution, Task> write, CancellationToken cancellationToken)
    {
        var sql = Filter(filter);
        Keyset? after = null;
        do
        {
            after = await ReadPageAsync(sql, after, StreamPageSize + 1, (attribution, _) => write(attribution), StreamPageSize, cancellationToken);
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
    /// Reads up to <paramref name="limit"/> rows after <paramref name="after"/>, hands the first
    /// <paramref name="pageSize"/> to <paramref name="onRow"/>, and returns the position of the last one handed
    /// over when more rows follow (null on the last page).
    /// </summary>
    private async Task<Keyset?> ReadPageAsync(SqlBuilder filter, Keyset? after, int limit,
        Func<Contracts.V1.Attribution, Keyset, Task> onRow, int pageSize, CancellationToken cancellationToken)
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
            LIMIT {limit}
            """;
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = sql.Command(connection, text);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var count = 0;
        Keyset last = default;
        while (await reader.ReadAsync(cancellationToken))
        {
            if (count == pageSize)
            {
                return last;
            }
            var view = AttributionRows.Read(reader, 1);
            last = new Keyset(reader.GetDateTime(0), view.ArticleId, view.Ordinal);
            await onRow(ArticleMapper.ToProto(view), last);
            count++;
        }
        return null;
    }
}
