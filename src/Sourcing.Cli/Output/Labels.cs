using System.Text;

namespace Sourcing.Cli.Output;

/// <summary>Prints enum values the way the protos spell them: INVALID_ARGUMENT, NOT_SERVING, QUEUED.</summary>
internal static class Labels
{
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum
    {
        var name = value.ToString();
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && char.IsLower(name[i - 1]))
            {
                builder.Append('_');
            }
            builder.Append(char.ToUpperInvariant(name[i]));
        }
        return builder.ToString();
    }

    /// <summary>The proto enum's label in lower case, or an empty string for an unset value.</summary>
    public static string Lower<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture) == 0 ? "" : Of(value).ToLowerInvariant();

    /// <summary>Shortens text to at most <paramref name="max"/> characters on one line, ending with an ellipsis when cut.</summary>
    public static string Truncate(string? text, int max)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var oneLine = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return oneLine.Length <= max ? oneLine : string.Concat(oneLine.AsSpan(0, max - 1).TrimEnd(), "…");
    }
}
