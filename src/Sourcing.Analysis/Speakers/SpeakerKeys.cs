using Sourcing.Analysis.Text;
using Sourcing.Attribution;

namespace Sourcing.Analysis.Speakers;

/// <summary>Keys that speakers are stored and looked up by.</summary>
public static class SpeakerKeys
{
    /// <summary>
    /// The blocking key: for a person the first two letters of the surname's transliteration key (so that
    /// Qaani, Qhaani and Ghaani meet, and so would Kane); for an organization or document its folded name.
    /// </summary>
    public static string Block(string name, EntityKind entity)
    {
        if (entity == EntityKind.Person)
        {
            var surname = PersonName.Parse(name)?.Surname ?? NameText.Fold(name);
            var key = Transliteration.Key(surname);
            return "person:" + key[..Math.Min(2, key.Length)];
        }
        return entity.ToString().ToLowerInvariant() + ":" + Descriptor(name);
    }

    /// <summary>
    /// A descriptor folded for grouping: lowercase, leading determiners and numbers removed
    /// ("Two Iraqi officials" → "iraqi officials", "the State Department" → "state department").
    /// </summary>
    public static string Descriptor(string text)
    {
        var tokens = NameText.FoldedTokens(text).ToList();
        while (tokens.Count > 1 && (WordList.Determiners.Contains(tokens[0]) || tokens[0].All(char.IsDigit)))
        {
            tokens.RemoveAt(0);
        }
        return string.Join(' ', tokens);
    }
}
