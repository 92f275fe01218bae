using Sourcing.Analysis.Text;
using Sourcing.Attribution;

namespace Sourcing.Analysis.Speakers;

/// <summary>An article's named speakers as resolver input: one mention per engine speaker, with the spellings the article uses.</summary>
public static class ArticleMentions
{
    private static readonly HashSet<string> Pronouns = ["he", "she", "they", "it", "him", "her", "them", "we", "i", "you", "who"];

    public static IReadOnlyList<SpeakerMention> Named(string text, IReadOnlyList<DetectedAttribution> found, IReadOnlySet<string> context) =>
        [.. found.Where(a => a.Sourcing == SourcingKind.Named && a.Speaker.Length > 0)
            .GroupBy(a => (a.Speaker, a.Entity))
            .Select(g => new SpeakerMention(g.Key.Speaker, g.Key.Entity, Aliases(text, g.Key.Speaker, g.Key.Entity, g), context))];

    private static List<string> Aliases(string text, string speaker, EntityKind entity, IEnumerable<DetectedAttribution> attributions)
    {
        var written = attributions.Select(a => a.Source.Of(text).Trim()).Where(s => s.Length > 0 && !Pronouns.Contains(NameText.Fold(s)));
        if (entity != EntityKind.Person)
        {
            return [.. written.Distinct(StringComparer.Ordinal)];
        }
        var surname = PersonName.Parse(speaker)?.Surname;
        return [.. written
            .Where(s => surname is not null && PersonName.Parse(s) is { } name && Transliteration.SameName(name.Surname, surname))
            .Concat(AliasHarvester.Find(text, speaker))
            .Distinct(StringComparer.Ordinal)];
    }
}
