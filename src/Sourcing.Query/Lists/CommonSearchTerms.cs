using Npgsql;

namespace Sourcing.Query.Lists;

/// <summary>
/// The lexemes PostgreSQL's statistics list as most common in <c>query.article_index.search</c>, with the share of
/// articles that hold each, read at most every <see cref="MaxAge"/>. A search whose every lexeme is common enough
/// probes the newest rows first; any other skips that probe, which would test a thousand rows and find too few.
/// </summary>
public sealed class CommonSearchTerms(NpgsqlDataSource database, TimeProvider clock)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(10);

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile Snapshot? _snapshot;

    /// <summary>
    /// The lexemes in at least <paramref name="share"/> of articles; null when the column has no statistics yet (never
    /// analyzed), in which case every search probes.
    /// </summary>
    public async Task<string[]?> AtLeastAsync(double share, CancellationToken cancellationToken)
    {
        var snapshot = _snapshot;
        if (snapshot is null || clock.GetUtcNow() - snapshot.ReadAt > MaxAge)
        {
            snapshot = await RefreshAsync(cancellationToken);
        }
        return snapshot.Frequencies?.Where(f => f.Value >= share).Select(f => f.Key).ToArray();
    }

    private async Task<Snapshot> RefreshAsync(CancellationToken cancellationToken)
    {
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            if (_snapshot is { } fresh && clock.GetUtcNow() - fresh.ReadAt <= MaxAge)
            {
                return fresh;
            }
            await using var connection = await database.OpenConnectionAsync(cancellationToken);
            await using var command = new NpgsqlCommand("""
                SELECT s.most_common_elems::text::text[], s.most_common_elem_freqs FROM pg_stats s
                WHERE s.schemaname = 'query' AND s.tablename = 'article_index' AND s.attname = 'search'
                """, connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            Dictionary<string, double>? frequencies = null;
            if (await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0))
            {
                // most_common_elem_freqs holds one share per element, then the minimum, maximum and null share.
                var lexemes = reader.GetFieldValue<string[]>(0);
                var shares = reader.GetFieldValue<float[]>(1);
                frequencies = lexemes.Zip(shares).ToDictionary(p => p.First, p => (double)p.Second, StringComparer.Ordinal);
            }
            return _snapshot = new Snapshot(clock.GetUtcNow(), frequencies ?? (reader.HasRows ? [] : null));
        }
        finally
        {
            _refresh.Release();
        }
    }

    private sealed record Snapshot(DateTimeOffset ReadAt, Dictionary<string, double>? Frequencies);
}
