using System.Globalization;
using System.Text.RegularExpressions;

namespace Sourcing.Ingest.Articles;

/// <summary>
/// Finds the metadata news text carries in its first and last lines: a byline ("By Jane Roe"),
/// a dateline ("BAGHDAD (AP) —"), a publication date ("date 2021-04-07", "April 7, 2021"),
/// an outlet ("Source: WP") and the title (the first line that is none of those).
/// </summary>
public static partial class MetadataExtractor
{
    private const int HeadLines = 12;
    private const int TailLines = 6;

    private static readonly string[] DateFormats =
    [
        "MMMM d, yyyy", "MMM d, yyyy", "MMM. d, yyyy", "d MMMM yyyy", "d MMM yyyy", "yyyy-MM-dd", "MMMM d yyyy",
    ];

    public static ArticleMetadata Extract(string text)
    {
        var lines = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        var head = lines.Take(HeadLines).ToList();
        var tail = lines.Skip(Math.Max(HeadLines, lines.Count - TailLines)).ToList();

        string? byline = null, dateline = null, outlet = null, title = null;
        DateTime? published = null;
        foreach (var line in head)
        {
            if (byline is null && Byline().Match(line) is { Success: true } b)
            {
                byline = b.Groups["names"].Value.TrimEnd(',', ' ');
                continue;
            }
            if (published is null && FindDate(line) is { } date && line.Length < 80)
            {
                published = date;
                continue;
            }
            if (outlet is null && Outlet().Match(line) is { Success: true } o)
            {
                outlet = o.Groups["outlet"].Value;
                continue;
            }
            if (dateline is null && Dateline().Match(line) is { Success: true } d)
            {
                dateline = d.Groups["place"].Value.Trim();
            }
            else if (title is null && line.Length <= 200)
            {
                title = line;
            }
        }
        foreach (var line in tail)
        {
            if (outlet is null && Outlet().Match(line) is { Success: true } o)
            {
                outlet = o.Groups["outlet"].Value;
            }
        }
        return new ArticleMetadata(title, byline, dateline, published, outlet);
    }

    private static DateTime? FindDate(string line)
    {
        if (IsoDate().Match(line) is { Success: true } iso
            && DateTime.TryParseExact(iso.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var isoDate))
        {
            return isoDate;
        }
        if (WrittenDate().Match(line) is { Success: true } written
            && DateTime.TryParseExact(written.Value.Replace("Sept", "Sep", StringComparison.Ordinal), DateFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var writtenDate))
        {
            return writtenDate;
        }
        return null;
    }

    [GeneratedRegex(@"^[-–—•*\s]*By\s+(?<names>\p{Lu}[\p{L}.'’-]+(?:[\s,]+(?:and\s+)?\p{Lu}[\p{L}.'’-]+){0,8})\s*,?$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?:date|published|updated)?[:\s]*(?<date>\d{4}-\d{2}-\d{2})\b", RegexOptions.IgnoreCase)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2},? \d{4}\b|\b\d{1,2} (?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")]
    private static partial Regex WrittenDate();

    [GeneratedRegex(@"^Source:\s*(?<outlet>\S.{0,80})$")]
    private static partial Regex Outlet();

    [GeneratedRegex(@"^(?:(?<place>\p{Lu}[\p{Lu} .'-]{2,40}?)(?:,\s*\p{Lu}[\p{L}.]+)?\s*(?:\([A-Za-z]+\))?\s*(?:[—–]|--|\s-\s)|(?<place>\p{Lu}{4,}(?: \p{Lu}{2,}){0,2}) (?=\p{Lu}\p{Ll}))")]
    private static partial Regex Dateline();
}
