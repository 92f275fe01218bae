using System.Text.RegularExpressions;
using Sourcing.Analysis.Text;

namespace Sourcing.Analysis.Speakers;

/// <summary>
/// Finds other spellings of a person's name in the same article ("Esmail Ghaani" in a caption of an article
/// whose speaker is Esmail Qhaani): capitalized runs whose name is a spelling variant of the speaker's.
/// </summary>
public static partial class AliasHarvester
{
    public static IEnumerable<string> Find(string text, string speaker)
    {
        if (PersonName.Parse(speaker) is not { HasGivenName: true } name)
        {
            yield break;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var run in CapitalizedRun().Matches(text).SelectMany(m => Sentences(m.Value)))
        {
            if (PersonName.Parse(run) is { HasGivenName: true } found
                && found.Folded != name.Folded
                && SpeakerMatch.NameScore(found, name) >= 2
                && seen.Add(found.Display))
            {
                yield return found.Display;
            }
        }
    }

    /// <summary>A run split where a period ends a sentence rather than an abbreviation ("Gen.") or an initial ("H.").</summary>
    private static IEnumerable<string> Sentences(string run)
    {
        var current = new List<string>();
        foreach (var token in run.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            current.Add(token);
            var bare = token.TrimEnd('.');
            if (token.EndsWith('.') && bare.Length > 1 && !WordList.Titles.Contains(NameText.Fold(bare)))
            {
                yield return string.Join(' ', current).TrimEnd('.');
                current.Clear();
            }
        }
        if (current.Count > 0)
        {
            yield return string.Join(' ', current);
        }
    }

    [GeneratedRegex(@"(?:(?:al|el)-)?\p{Lu}[\p{L}\p{M}'’\-]*\.?(?:[ \t]+(?:(?:al|el)-)?\p{Lu}[\p{L}\p{M}'’\-]*\.?){1,5}")]
    private static partial Regex CapitalizedRun();
}
