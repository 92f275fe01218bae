namespace Sourcing.Analysis.Stories;

/// <summary>
/// <see cref="StorySimilarity.Cosine"/> of one article with many candidates over a <see cref="TermSpace"/>: the
/// article's weighted terms are laid out once in arrays indexed by term number, and each inverse document
/// frequency is worked out once per article, so a candidate costs one pass over its own terms.
/// </summary>
public sealed class IdfCosine(TermSpace space)
{
    private double[] _articleWeight = [];
    private double[] _idf = [];
    private int[] _articleRound = [];
    private int[] _idfRound = [];
    private int _round;
    private long _articles;
    private double _articleNorm;

    /// <summary>
    /// Starts comparisons for <paramref name="article"/>, with <paramref name="articles"/> articles in all (the
    /// article included): a term's document count counts the article too, as it will once stored.
    /// </summary>
    public void Begin(TermVector article, long articles)
    {
        if (_idf.Length < space.Size)
        {
            var size = Math.Max(space.Size, _idf.Length * 2);
            (_articleWeight, _idf, _articleRound, _idfRound, _round) = (new double[size], new double[size], new int[size], new int[size], 0);
        }
        _round++;
        _articles = articles;
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

    public double With(TermVector candidate)
    {
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
