using Npgsql;
using Sourcing.Contracts.Errors;
using Sourcing.Contracts.V1;
using Sourcing.Query.Grpc;
using Sourcing.Query.Paging;

namespace Sourcing.Query.Lists;

/// <summary>
/// ListSpeakers and GetSpeaker over the speaker entities analysis resolves across articles and
/// outlets (<c>analysis.speakers</c>, their aliases, and the current attributions that cite them).
/// </summary>
public sealed class SpeakerDirectory(NpgsqlDataSource database, PageTokens tokens)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;
    public const int DefaultAttributions = 100;
    public const int MaxAttributions = 1000;

    private const string Counted = """
        SELECT s.id, s.name, s.entity, count(r.id)::int AS attributions
        FROM analysis.speakers s LEFT JOIN analysis.attributions r ON r.speaker_id = s.id
        """;

    public async Task<ListSpeakersResponse> ListAsync(ListSpeakersRequest request, CancellationToken cancellationToken)
    {
        var size = PageSize.Resolve(request.PageSize, DefaultPageSize, MaxPageSize);
        var filter = new ListSpeakersRequest { NameQuery = request.NameQuery };
        var sql = new SqlBuilder();
        if (request.NameQuery.Length > 0)
        {
            var pattern = sql.Parameter($"%{request.NameQuery.Replace("%", "\\%").Replace("_", "\\_")}%");
            sql.Where($"(s.name ILIKE {pattern} OR EXISTS (SELECT 1 FROM analysis.speaker_aliases a WHERE a.speaker_id = s.id AND a.alias ILIKE {pattern}))");
        }
        var after = "TRUE";
        if (request.PageToken.Length > 0)
        {
            if (!tokens.TryDecode(request.PageToken, TokenKind.Speakers, filter, out var position))
            {
                throw InvalidToken.PageToken();
            }
            after = $"(c.attributions < {sql.Parameter(position.Ordinal)} OR (c.attributions = {sql.Parameter(position.Ordinal)} AND c.id > {sql.Parameter(position.ArticleId)}))";
        }
        var text = $"""
            WITH c AS ({Counted} WHERE {sql.WhereClause} GROUP BY s.id)
            SELECT c.id, c.name, c.entity, c.attributions FROM c
            WHERE {after}
            ORDER BY c.attributions DESC, c.id LIMIT {size + 1}
            """;
        var speakers = await ReadSpeakersAsync(sql, text, cancellationToken);
        var response = new ListSpeakersResponse();
        response.Speakers.AddRange(speakers.Take(size));
        if (speakers.Count > size)
        {
            var last = speakers[size - 1];
            response.NextPageToken = tokens.Encode(TokenKind.Speakers, filter,
                new Keyset(DateTime.UnixEpoch, Guid.Parse(last.SpeakerId), last.AttributionCount));
        }
        return response;
    }

    public async Task<GetSpeakerResponse> GetAsync(GetSpeakerRequest request, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(request.SpeakerId, out var id))
        {
            throw RpcErrors.InvalidArgument("speaker_id", $"'{request.SpeakerId}' is not a speaker id.");
        }
        var max = PageSize.Resolve(request.MaxAttributions, DefaultAttributions, MaxAttributions, "max_attributions");
        var sql = new SqlBuilder();
        sql.Where($"s.id = {sql.Parameter(id)}");
        var speakers = await ReadSpeakersAsync(sql, $"{Counted} WHERE {sql.WhereClause} GROUP BY s.id", cancellationToken);
        var speaker = speakers.SingleOrDefault() ?? throw RpcErrors.NotFound("Speaker", request.SpeakerId);
        var response = new GetSpeakerResponse { Speaker = speaker };
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"""
            SELECT {AttributionRows.Columns}
            FROM analysis.attributions r JOIN query.article_index i ON i.article_id = r.article_id
            WHERE r.speaker_id = $1
            ORDER BY i.sort_time DESC, r.article_id DESC, r.ordinal
            LIMIT {max}
            """, connection) { Parameters = { new() { Value = id } } };
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            response.Attributions.Add(ArticleMapper.ToProto(AttributionRows.Read(reader, 0)));
        }
        return response;
    }

    private async Task<List<Speaker>> ReadSpeakersAsync(SqlBuilder sql, string text, CancellationToken cancellationToken)
    {
        var speakers = new List<Speaker>();
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using (var command = sql.Command(connection, text))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                speakers.Add(new Speaker
                {
                    SpeakerId = reader.GetGuid(0).ToString(),
                    Name = reader.GetString(1),
                    Entity = (EntityKind)reader.GetInt16(2),
                    AttributionCount = reader.GetInt32(3),
                });
            }
        }
        if (speakers.Count > 0)
        {
            await AddAliasesAndOutletsAsync(connection, speakers, cancellationToken);
        }
        return speakers;
    }

    private static async Task AddAliasesAndOutletsAsync(NpgsqlConnection connection, List<Speaker> speakers, CancellationToken cancellationToken)
    {
        var byId = speakers.ToDictionary(s => Guid.Parse(s.SpeakerId));
        await using var batch = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT speaker_id, alias FROM analysis.speaker_aliases WHERE speaker_id = ANY($1) ORDER BY speaker_id, alias")
                    { Parameters = { new() { Value = byId.Keys.ToArray() } } },
                new NpgsqlBatchCommand("""
                    SELECT r.speaker_id, coalesce(aa.outlet, ''), count(*)::int
                    FROM analysis.attributions r JOIN analysis.article_analyses aa ON aa.article_id = r.article_id
                    WHERE r.speaker_id = ANY($1) GROUP BY 1, 2
                    """) { Parameters = { new() { Value = byId.Keys.ToArray() } } },
            },
        };
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byId[reader.GetGuid(0)].Aliases.Add(reader.GetString(1));
        }
        await reader.NextResultAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            byId[reader.GetGuid(0)].AttributionCountsByOutlet[reader.GetString(1)] = reader.GetInt32(2);
        }
    }
}
