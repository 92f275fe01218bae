using Microsoft.Extensions.Options;
using Npgsql;
using Sourcing.Contracts.V1;
using Sourcing.Query.Lists;
using Sourcing.Query.Paging;

namespace Sourcing.Query.Watch;

/// <summary>
/// WatchAnalyses: replays the analyses completed after the cursor (analyzed_at, article id), then follows new
/// ones as notifications wake it. Each event carries the cursor to resume after it. An analysis whose
/// analyzed_at is earlier than one already sent but whose transaction commits later (two analyses finishing in
/// the same instant, out of order) can be missed by a cursor that already passed it.
/// </summary>
public sealed class AnalysisWatch(WatchDataSource database, PageTokens tokens, AnalysisNotifications notifications,
    IOptions<QueryOptions> options, TimeProvider time)
{
    private const int BatchSize = 500;

    /// <summary>Runs a watch until cancelled; <paramref name="started"/> runs once it listens, before the replay.</summary>
    public async Task WatchAsync(WatchAnalysesRequest request, Func<Task> started, Func<WatchAnalysesResponse, Task> write,
        CancellationToken cancellationToken)
    {
        Keyset cursor;
        if (request.Cursor.Length == 0)
        {
            cursor = new Keyset(time.GetUtcNow().UtcDateTime, Guid.Empty);
        }
        else if (!tokens.TryDecode(request.Cursor, TokenKind.WatchCursor, null, out cursor))
        {
            throw InvalidToken.Cursor();
        }
        using var subscription = notifications.Subscribe();
        await started();
        while (!cancellationToken.IsCancellationRequested)
        {
            int read;
            do
            {
                (read, cursor) = await SendAfterAsync(cursor, write, cancellationToken);
            }
            while (read == BatchSize);
            await subscription.WaitAsync(options.Value.WatchPollInterval, cancellationToken);
        }
    }

    private async Task<(int Read, Keyset Cursor)> SendAfterAsync(Keyset cursor, Func<WatchAnalysesResponse, Task> write, CancellationToken cancellationToken)
    {
        await using var connection = await database.Source.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("""
            SELECT article_id, analyzed_at, attribution_count, anonymous_count FROM analysis.article_analyses
            WHERE (analyzed_at, article_id) > (@time, @id)
            ORDER BY analyzed_at, article_id
            LIMIT @limit
            """, connection);
        command.Parameters.AddWithValue("time", cursor.Time);
        command.Parameters.AddWithValue("id", cursor.ArticleId);
        command.Parameters.AddWithValue("limit", BatchSize);
        var events = new List<WatchAnalysesResponse>(BatchSize);
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                var analyzedAt = DateTime.SpecifyKind(reader.GetDateTime(1), DateTimeKind.Utc);
                cursor = new Keyset(analyzedAt, reader.GetGuid(0));
                events.Add(new WatchAnalysesResponse
                {
                    ArticleId = cursor.ArticleId.ToString(),
                    AnalyzeTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(analyzedAt),
                    AttributionCount = reader.GetInt32(2),
                    AnonymousAttributionCount = reader.GetInt32(3),
                    Cursor = tokens.Encode(TokenKind.WatchCursor, null, cursor),
                });
            }
        }
        // Written after the connection is back in the pool, so a slow client never holds a connection.
        await connection.CloseAsync();
        foreach (var e in events)
        {
            await write(e);
        }
        return (events.Count, cursor);
    }
}
