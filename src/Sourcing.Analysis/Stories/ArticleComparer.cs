namespace Sourcing.Analysis.Stories;

/// <summary>
/// One article compared with many candidates over a <see cref="TermSpace"/>: how many of its heaviest terms each
/// shares, and <see cref="StorySimilarity.Cosine"/>. The article's weighted terms are laid out once in arrays indexed
/// by term number and each inverse document frequency is worked out once per article, so a candidate costs one pass
/// over its own terms.
/// </summary>
public sealed class ArticleComparer(TermSpace space)
{
    private double[] _articleWeight = [];
    private double[] _idf = [];
    private int[] _articleRound = [];
    private int[] _heavyRound = [];
    private int[] _idfRound = [];
    private int _round;
    private long _articles;
    private double _articleNorm;

    /// <summary>
    /// Starts comparisons for <paramref name="article"/> with its heaviest terms <paramref name="heavy"/>, with
    /// <paramref name="articles"/> articles in all (the article included): a term's document count counts the article
    /// too, as it will once stored.
    /// </summary>
    public void Begin(TermVector article, IEnumerable<int> heavy, long articles)
    {
        Fit();
        _round++;
        _articles = articles;
        foreach (var id in heavy)
        {
            _heavyRound[id] = _round;
        }
        for (var i = 0; i < article.Ids.Length; i++)
        {
            _articleRound[article.Ids[i]] = _round;
        }
        _articleNorm = 0;
        for (var i = 0; i < article.Ids.Length; i++)
        {
            var id = article.Ids[i];
            var weight = article.Weights[i] * Idf(id);
            _articleWeight[id] = weight;
            _articleNorm += weight * weight;
        }
    }

    /// <summary>How many of the article's heaviest terms the candidate has.</summary>
    public int SharedHeavyTerms(TermVector candidate)
    {
        Fit();
        var shared = 0;
        foreach (var id in candidate.Ids)
        {
            shared += _heavyRound[id] == _round ? 1 : 0;
        }
        return shared;
    }

    public double Cosine(TermVector candidate)
    {
        Fit();
        double dot = 0, norm = 0;
        for (var i = 0; i < candidate.Ids.Length; i++)
        {
            var id = candidate.Ids[i];
            var weight = candidate.Weights[i] * Idf(id);
            norm += weight * weight;
            if (_articleRound[id] == _round)
            {
                dot += weight * _articleWeight[id];
            }
        }
        return _articleNorm == 0 || norm == 0 ? 0 : dot / Math.Sqrt(_articleNorm * norm);
    }

    /// <summary>Grows the arrays to the terms numbered so far (a candidate may bring terms numbered after <see cref="Begin"/>).</summary>
    private void Fit()
    {
        if (_idf.Length >= space.Size)
        {
            return;
        }
        var size = Math.Max(space.Size, _idf.Length * 2);
        Array.Resize(ref _articleWeight, size);
        Array.Resize(ref _idf, size);
        Array.Resize(ref _articleRound, size);
        Array.Resize(ref _heavyRound, size);
        Array.Resize(ref _idfRound, size);
    }

    private double Idf(int id)
    {
        if (_idfRound[id] != _round)
        {
            _idf[id] = StorySimilarity.Idf(_articles, space.Documents(id) + (_articleRound[id] == _round ? 1 : 0));
            _idfRound[id] = _round;
        }
        return _idf[id];
    }
}
