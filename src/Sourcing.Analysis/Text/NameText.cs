using System.Buffers;
using System.Globalization;
using System.Text;

namespace Sourcing.Analysis.Text;

/// <summary>
/// Folds names and descriptors for comparison: Unicode compatibility form, diacritics removed,
/// lowercase, periods and apostrophes dropped (U.S. → us, Iraq's → iraqs), other punctuation a space.
/// </summary>
public static class NameText
{
    private static readonly SearchValues<char> AsciiAlphanumerics =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");

    public static string Fold(string text)
    {
        // Most words are plain ASCII letters and digits: lowercase is all their folding needs.
        if (text.Length > 0 && text.AsSpan().IndexOfAnyExcept(AsciiAlphanumerics) < 0)
        {
            return text.ToLowerInvariant();
        }
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark || c is '.' or '\'' or '\u2019' or '\u2018' or '`')
            {
                continue;
            }
            folded.Append(char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ');
        }
        return string.Join(' ', folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    public static string[] FoldedTokens(string text) => Fold(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>Whether a token as written starts like a proper name ("Kirby", "al-Kadhimi", "O'Neill").</summary>
    public static bool IsCapitalized(string token)
    {
        var t = token.TrimStart('"', '\u201C', '(', '\'');
        if (t.Length == 0)
        {
            return false;
        }
        if (char.IsUpper(t[0]))
        {
            return true;
        }
        var dash = t.IndexOf('-');
        return dash > 0 && dash < t.Length - 1 && char.IsUpper(t[dash + 1]) && WordList.Particles.Contains(Fold(t[..dash]));
    }
}
