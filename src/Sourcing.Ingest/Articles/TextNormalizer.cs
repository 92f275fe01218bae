using System.Text;

namespace Sourcing.Ingest.Articles;

/// <summary>
/// The text analysis runs on: Unicode NFC, LF line ends, no control characters, single spaces,
/// trimmed lines, paragraphs separated by one blank line.
/// </summary>
public static class TextNormalizer
{
    public static string Normalize(string text)
    {
        var nfc = text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);
        var output = new StringBuilder(nfc.Length);
        var pendingNewlines = 0;
        foreach (var line in nfc.ReplaceLineEndings("\n").Split('\n'))
        {
            var trimmed = CleanLine(line);
            if (trimmed.Length == 0)
            {
                if (output.Length > 0)
                {
                    pendingNewlines = 2;
                }
                continue;
            }
            if (output.Length > 0)
            {
                output.Append('\n', Math.Max(1, pendingNewlines));
            }
            output.Append(trimmed);
            pendingNewlines = 1;
        }
        return output.ToString();
    }

    private static string CleanLine(string line)
    {
        var builder = new StringBuilder(line.Length);
        var pendingSpace = false;
        foreach (var c in line)
        {
            if (char.IsWhiteSpace(c))
            {
                pendingSpace = builder.Length > 0;
                continue;
            }
            if (char.IsControl(c) || c is '\u200B' or '\uFEFF')
            {
                continue;
            }
            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
