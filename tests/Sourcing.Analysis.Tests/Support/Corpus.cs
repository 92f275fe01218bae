using Sourcing.Testing;

namespace Sourcing.Analysis.Tests.Support;

/// <summary>The articles the tests analyze: the five seeds (from the shared folder) and the project's own invented samples.</summary>
public static class Corpus
{
    public sealed record Article(string Name, string Event, string Outlet, string Title, string Text, DateTime Published);

    private static readonly DateTime SeedDay = new(2021, 4, 7, 12, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime SampleDay = new(2026, 5, 12, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>The seed files and the outlet each appeared in (most name none in their text).</summary>
    public static readonly IReadOnlyDictionary<string, string> SeedOutlets = new Dictionary<string, string>
    {
        ["000_640f9b7b757f4f89.txt"] = "Epoch Times",
        ["001_902d9eaf5988795e.txt"] = "Marin Independent Journal",
        ["002_5031539a3d2176d1.txt"] = "Times of Israel",
        ["003_945eb8e797afcf89.txt"] = "Translated wire copy",
        ["004_f0e440e835b86b37.txt"] = "Washington Post",
    };

    public static IReadOnlyList<Article> Seeds() =>
        [.. SeedOutlets.Select(p => Read(Path.Combine(RepositoryPaths.Shared, "seeds", p.Key), "us-iraq-talks", p.Value, SeedDay))];

    /// <summary>The invented samples: repository samples/ and this project's Samples/, with their events.</summary>
    public static IReadOnlyList<Article> Samples()
    {
        var samples = Path.Combine(AppContext.BaseDirectory, "Samples");
        return
        [
            Read(Path.Combine(RepositoryPaths.Samples, "harbor-strike.txt"), "harbor-strike", "Calloway Courier", SampleDay),
            Read(Path.Combine(samples, "harbor-strike-coastline.txt"), "harbor-strike", "Coastline Herald", SampleDay.AddHours(5)),
            Read(Path.Combine(samples, "calloway-warehouse-fire.txt"), "warehouse-fire", "Calloway Courier", SampleDay.AddDays(2)),
            Read(Path.Combine(RepositoryPaths.Samples, "dam-inspection.txt"), "dam-inspection", "Northern Ledger", SampleDay.AddDays(1)),
            Read(Path.Combine(samples, "dam-cracks-lanthia-radio.txt"), "dam-inspection", "Lanthia Public Radio", SampleDay.AddDays(2)),
            Read(Path.Combine(RepositoryPaths.Samples, "vaccine-trial.txt"), "vaccine-trial", "The Meridian Post", SampleDay),
            Read(Path.Combine(samples, "brennick-election-gazette.txt"), "brennick-election", "Brennick Gazette", SampleDay.AddDays(1)),
            Read(Path.Combine(samples, "brennick-election-wire.txt"), "brennick-election", "Meridian Wire", SampleDay.AddDays(1).AddHours(3)),
        ];
    }

    private static Article Read(string path, string @event, string outlet, DateTime published)
    {
        var text = File.ReadAllText(path);
        var title = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[0];
        return new Article(Path.GetFileName(path), @event, outlet, title, text, published);
    }
}
