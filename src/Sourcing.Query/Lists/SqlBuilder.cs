using Npgsql;

namespace Sourcing.Query.Lists;

/// <summary>WHERE conditions and their parameters, built from a request's filter; values are always parameters.</summary>
public sealed class SqlBuilder
{
    private readonly List<string> _conditions = [];

    public List<NpgsqlParameter> Parameters { get; } = [];

    /// <summary>Adds a parameter and returns its placeholder.</summary>
    public string Parameter(object value)
    {
        var name = $"p{Parameters.Count}";
        Parameters.Add(new NpgsqlParameter(name, value));
        return "@" + name;
    }

    public void Where(string condition) => _conditions.Add(condition);

    /// <summary>The parameter holding the filter's search text, if it has one.</summary>
    public string? SearchText { get; set; }

    /// <summary>The full-text condition on <see cref="SearchText"/>, if the filter has a query (also among the conditions).</summary>
    public string? TextSearch => SearchText is null ? null : $"i.search @@ websearch_to_tsquery('english', {SearchText})";

    /// <summary>
    /// Lexemes common enough that a search made only of them probes the newest rows first (null: every search probes).
    /// </summary>
    public string[]? CommonLexemes { get; set; }

    /// <summary>No row the conditions pass is later than this time (the filter's end, a page token's position).</summary>
    public DateTime? Latest { get; private set; }

    /// <summary>No row the conditions pass is earlier than this time (the filter's start).</summary>
    public DateTime? Earliest { get; set; }

    /// <summary>Lowers <see cref="Latest"/> to <paramref name="time"/> if that is earlier.</summary>
    public void NoLaterThan(DateTime time) => Latest = Latest is { } latest && latest <= time ? latest : time;

    public string WhereClause => Join(_conditions);

    /// <summary>Every condition but the full-text one.</summary>
    public string WhereClauseWithoutTextSearch => Join(_conditions.Where(c => c != TextSearch).ToList());

    private static string Join(List<string> conditions) => conditions.Count == 0 ? "TRUE" : string.Join("\n  AND ", conditions);

    public NpgsqlCommand Command(NpgsqlConnection connection, string sql)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddRange(Parameters.Select(p => p.Clone()).ToArray());
        return command;
    }
}
