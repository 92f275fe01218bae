namespace Sourcing.Analysis.Stories;

/// <summary>
/// The terms one batch of story assignments deals with, numbered from 0, with their document counts (as stored
/// before the batch, plus the batch's own changes): similarities are then sums over arrays, not lookups by string.
/// </summary>
public sealed class TermSpace
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _terms = [];
    private readonly List<int> _stored = [];
    private readonly List<int> _changes = [];

    /// <summary>How many terms are numbered.</summary>
    public int Size => _terms.Count;

    /// <summary>Every term numbered so far, in number order.</summary>
    public IReadOnlyList<string> Terms => _terms;

    public int Id(string term)
    {
        if (!_ids.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            _ids.Add(term, id);
            _terms.Add(term);
            _stored.Add(0);
            _changes.Add(0);
        }
        return id;
    }

    public TermVector Vector(IEnumerable<KeyValuePair<string, double>> weights)
    {
        var pairs = weights.ToList();
        return new TermVector([.. pairs.Select(p => Id(p.Key))], [.. pairs.Select(p => p.Value)]);
    }

    /// <summary>A stored signature: its weights were kept as <see cref="float"/>, and compare as they were kept.</summary>
    public TermVector Vector(string[] terms, float[] weights) =>
        new([.. terms.Select(Id)], [.. weights.Select(w => (double)w)]);

    public void SetStoredCount(int id, int documents) => _stored[id] = documents;

    /// <summary>Counts (or with -1 uncounts) one article's terms in the batch's changes.</summary>
    public void Count(TermVector article, int delta)
    {
        foreach (var id in article.Ids)
        {
            _changes[id] += delta;
        }
    }

    /// <summary>How many articles have the term, as the batch has changed it so far.</summary>
    public int Documents(int id) => _stored[id] + _changes[id];

    /// <summary>The batch's net change to each term's document count, for the terms it changed.</summary>
    public IEnumerable<(string Term, int Change)> Changes() =>
        _changes.Select((change, id) => (_terms[id], change)).Where(c => c.change != 0);
}
