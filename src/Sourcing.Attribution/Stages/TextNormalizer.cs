namespace Sourcing.Attribution.Stages;

/// <summary>
/// Folds the text into a twin of the same length that the other stages read: typographic
/// variants of quotes, dashes and spaces become one character each. Offsets stay those of
/// the original text, so every span indexes what the caller passed in.
/// </summary>
internal static class TextNormalizer
{
    public const char OpenDouble = '\u201C';
    public const char CloseDouble = '\u201D';
    public const char OpenSingle = '\u2018';
    public const char CloseSingle = '\u2019';
    public const char Dash = '\u2014';

    public static string Fold(string text) =>
        string.Create(text.Length, text, static (dest, src) =>
        {
            for (var i = 0; i < src.Length; i++)
            {
                dest[i] = Fold(src[i]);
            }
        });

    public static char Fold(char c) => c switch
    {
        '\u201C' or '\u201E' or '\u201F' or '\u00AB' or '\u2E42' or '\u301D' => OpenDouble,
        '\u201D' or '\u00BB' or '\u301E' => CloseDouble,
        '\uFF02' => '"',
        '\u2018' or '\u201A' or '\u201B' or '\u2039' => OpenSingle,
        '\u2019' or '\u203A' => CloseSingle,
        '`' or '\u00B4' or '\u2032' => '\'',
        '\u2013' or '\u2014' or '\u2015' or '\u2012' or '\u2E3A' or '\u2E3B' => Dash,
        '\u2010' or '\u2011' or '\u00AD' => '-',
        '\u2028' or '\u2029' or '\u0085' => '\n',
        '\t' or '\r' or '\v' or '\f' or '\u00A0' or '\u2007' or '\u202F' or '\u200B' or '\uFEFF' or '\u3000' => ' ',
        >= '\u2000' and <= '\u200A' => ' ',
        _ => c,
    };
}
