using Sourcing.Attribution;

namespace Sourcing.Analysis.Speakers;

/// <summary>
/// How well a mention fits a known speaker. People: the surnames must be spellings of one name; given
/// names, where both have one, must agree (John Smith is never Mary Smith); then the more the names differ,
/// the more the contexts must agree. Organizations and documents: equal folded names.
/// </summary>
public static class SpeakerMatch
{
    /// <summary>Context terms a variant spelling or a bare surname must share with the speaker's.</summary>
    public const int SharedTermsForVariant = 3;

    /// <summary>Or this share of the smaller context.</summary>
    public const double OverlapForVariant = 0.2;

    /// <summary>A score above zero when the mention may be the speaker; higher is better.</summary>
    public static double Score(SpeakerMention mention, KnownSpeaker speaker)
    {
        if (mention.Entity != speaker.Entity)
        {
            return 0;
        }
        if (mention.Entity != EntityKind.Person)
        {
            return SpeakerKeys.Block(mention.Name, mention.Entity) == speaker.BlockKey ? 30 : 0;
        }
        if (mention.ParsedName is not { } name || speaker.ParsedName is not { } canonical)
        {
            return 0;
        }
        var nameScore = NameScore(name, canonical);
        if (nameScore == 0)
        {
            return 0;
        }
        var (shared, overlap) = ContextAgreement(mention.Context, speaker.Context);
        var noContext = mention.Context.Count == 0 || speaker.Context.Count == 0;
        var agrees = nameScore == 3
            ? noContext || shared >= 1
            : shared >= SharedTermsForVariant || overlap >= OverlapForVariant;
        return agrees ? nameScore * 10 + overlap : 0;
    }

    /// <summary>3 for the same name, 2 for a spelling variant, 1 when one has no given name, 0 for different people.</summary>
    public static int NameScore(PersonName a, PersonName b)
    {
        if (!Transliteration.SameSkeleton(a.SurnameSkeleton, b.SurnameSkeleton))
        {
            return 0;
        }
        if (!a.HasGivenName || !b.HasGivenName)
        {
            return 1;
        }
        if (!GivenNamesAgree(a.GivenNames[0], b.GivenNames[0]))
        {
            return 0;
        }
        return a.Folded == b.Folded || a.GivenNames[0] == b.GivenNames[0] && a.Surname == b.Surname ? 3 : 2;
    }

    private static bool GivenNamesAgree(string a, string b) =>
        a.Length == 1 || b.Length == 1 ? a[0] == b[0] : Transliteration.SameName(a, b);

    private static (int Shared, double Overlap) ContextAgreement(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        var shared = a.Count <= b.Count ? a.Count(b.Contains) : b.Count(a.Contains);
        var smaller = Math.Min(a.Count, b.Count);
        return (shared, smaller == 0 ? 0 : (double)shared / smaller);
    }
}
