namespace Sourcing.Analysis.Stories;

/// <summary>Cosine similarity of two signatures with each term weighted by its inverse document frequency.</summary>
public static class StorySimilarity
{
    /// <summary>ln((articles + 1) / (articles with the term + 1)) + 1: a term every article has still counts a little.</summary>
    public static double Idf(long articles, long withTerm) => Math.Log((articles + 1.0) / (withTerm + 1.0)) + 1;

    public static double Cosine(ArticleSignature a, ArticleSignature b, Func<string, double> idf)
    {
        double dot = 0, na = 0, nb = 0;
        foreach (var (term, weight) in a.Weights)
        {
            var w = weight * idf(term);
            na += w * w;
            if (b.Weights.TryGetValue(term, out var other))
            {
                dot += w * other * idf(term);
            }
        }
        foreach (var (term, weight) in b.Weights)
        {
            var w = weight * idf(term);
            nb += w * w;
        }
        return na == 0 || nb == 0 ? 0 : dot / Math.Sqrt(na * nb);
    }
}
