using Sourcing.Analysis.Text;

namespace Sourcing.Analysis.Speakers;

/// <summary>
/// A person's name with titles and roles stripped: "Pentagon press secretary John Kirby" is John Kirby,
/// "Maj. Gen. Esmail Ghaani" is Esmail Ghaani, "Kirby" has no given name. Given names and the surname are
/// folded (lowercase, no diacritics); particles such as "al-" stay in <see cref="Display"/> only.
/// </summary>
public sealed record PersonName(string Display, IReadOnlyList<string> GivenNames, string Surname)
{
    /// <summary>The name as compared: given names and surname, folded.</summary>
    public string Folded => string.Join(' ', GivenNames.Append(Surname));

    public bool HasGivenName => GivenNames.Count > 0;

    /// <summary>The surname's <see cref="Transliteration.Skeleton"/>, worked out once: matching compares it with many.</summary>
    public string SurnameSkeleton { get; } = Transliteration.Skeleton(Surname);

    /// <summary>The name in a mention, or null when the mention holds no capitalized name.</summary>
    public static PersonName? Parse(string mention)
    {
        foreach (var part in mention.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            // "The Pentagon press secretary, John Kirby" names him after the comma, "Randa Slim, director of ..." before it.
            if (FromPart(part) is { } name && part.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(NameText.IsCapitalized))
            {
                return name;
            }
        }
        return FromPart(mention.Split(',')[0]);
    }

    private static PersonName? FromPart(string part)
    {
        var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var end = tokens.Length;
        var start = end;
        while (start > 0 && NameText.IsCapitalized(tokens[start - 1]))
        {
            start--;
        }
        // The name starts after the last title word or possessive in the capitalized run ("Iraq's Foreign Minister Fuad Hassan").
        for (var i = end - 1; i >= start; i--)
        {
            var folded = NameText.Fold(tokens[i]);
            if (WordList.Titles.Contains(folded) || tokens[i].EndsWith("'s", StringComparison.Ordinal) || tokens[i].EndsWith("\u2019s", StringComparison.Ordinal))
            {
                start = i + 1;
                break;
            }
        }
        var words = tokens[start..end].Select(t => t.Trim('"', '\u201C', '\u201D', '(', ')', ':', ';')).Where(t => t.Length > 0).ToArray();
        var folded_ = words.SelectMany(NameText.FoldedTokens).Where(t => !WordList.Particles.Contains(t)).ToList();
        if (folded_.Count == 0 || folded_.Count > 5)
        {
            return null;
        }
        // Middle initials ("David H. Hale") say little across articles; the first given name and the surname carry the match.
        var given = folded_.Take(folded_.Count - 1).Where((t, i) => i == 0 || t.Length > 1).ToList();
        return new PersonName(string.Join(' ', words), given, folded_[^1]);
    }
}
