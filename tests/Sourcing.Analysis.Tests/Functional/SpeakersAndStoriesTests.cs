using System.Text.Json;
using Sourcing.Analysis.Tests.Support;
using Sourcing.Testing;
using Xunit.Abstractions;

namespace Sourcing.Analysis.Tests.Functional;

public sealed class SpeakersAndStoriesTests(CorpusFixture corpus, ITestOutputHelper output) : SpeakersAndStoriesFacts<CorpusFixture>(corpus, output);

public sealed class BatchedSpeakersAndStoriesTests(BatchedCorpusFixture corpus, ITestOutputHelper output) : SpeakersAndStoriesFacts<BatchedCorpusFixture>(corpus, output);

/// <summary>What speaker resolution and story clustering must make of the corpus, however it was sent.</summary>
public abstract class SpeakersAndStoriesFacts<TCorpus>(TCorpus corpus, ITestOutputHelper output) : IClassFixture<TCorpus>
    where TCorpus : CorpusFixture
{
    /// <summary>The people who speak in the seeds, by the spellings the gold annotation gives them.</summary>
    private static readonly Dictionary<string, string> SeedPeople = new()
    {
        ["Fuad Hassan"] = "Fuad Hassan",
        ["Ismail Qaani"] = "Qaani",
        ["Esmail Qhaani"] = "Qaani",
        ["John Kirby"] = "John Kirby",
        ["Mustafa al-Kadhimi"] = "Mustafa al-Kadhimi",
        ["Yahya Rasool"] = "Yahya Rasool",
        ["Antony Blinken"] = "Antony Blinken",
        ["Qassem al-Araji"] = "Qassem al-Araji",
        ["Randa Slim"] = "Randa Slim",
    };

    private const string PersonTable = """
        SELECT s.id, s.name, a.outlet, count(*)::int
        FROM analysis.attributions r
        JOIN analysis.speakers s ON s.id = r.speaker_id
        JOIN analysis.article_analyses a ON a.article_id = r.article_id AND a.analysis_id = r.analysis_id
        WHERE s.entity = 1 AND r.article_id = ANY($1)
        GROUP BY s.id, s.name, a.outlet ORDER BY s.name, a.outlet
        """;

    private Guid[] SeedIds => [.. corpus.Articles.Where(p => p.Value.Event == "us-iraq-talks").Select(p => p.Key)];

    [Fact]
    public async Task Speakers_Seeds_OneEntityPerPersonWithGoldCountsPerOutlet()
    {
        var rows = await Rows.QueryAsync(corpus.ConnectionString, PersonTable, SeedIds);
        var aliases = (await Rows.QueryAsync(corpus.ConnectionString, "SELECT speaker_id, alias FROM analysis.speaker_aliases ORDER BY alias"))
            .ToLookup(r => (Guid)r[0]!, r => (string)r[1]!);
        var outlets = Corpus.SeedOutlets.Values.ToList();
        output.WriteLine($"{"speaker",-20} {string.Join(" ", outlets.Select(o => $"{o[..Math.Min(12, o.Length)],12}"))}  aliases");
        foreach (var speaker in rows.GroupBy(r => ((Guid)r[0]!, (string)r[1]!)))
        {
            var counts = outlets.Select(o => speaker.Where(r => (string)r[2]! == o).Sum(r => (int)r[3]!));
            output.WriteLine($"{speaker.Key.Item2,-20} {string.Join(" ", counts.Select(c => $"{c,12}"))}  {string.Join(" | ", aliases[speaker.Key.Item1])}");
        }

        var expected = GoldPersonCounts();
        var actual = rows.GroupBy(r => (string)r[1]!).ToDictionary(
            g => g.Key, g => g.ToDictionary(r => (string)r[2]!, r => (int)r[3]!));
        actual.Count.ShouldBe(expected.Count, "one speaker row per person");
        foreach (var (person, byOutlet) in expected)
        {
            var row = actual.Single(a => SeedPeople.GetValueOrDefault(a.Key) == person).Value;
            row.ShouldBe(byOutlet, person);
        }
    }

    [Fact]
    public async Task Speakers_Seeds_CommanderSpelledThreeWaysAndKirbyAreOneEntityEach()
    {
        var qaani = await Rows.QueryAsync(corpus.ConnectionString, """
            SELECT DISTINCT a.speaker_id FROM analysis.speaker_aliases a
            WHERE a.alias IN ('Ismail Qaani', 'Esmail Qhaani', 'Esmail Ghaani')
            """);
        var kirby = await Rows.QueryAsync(corpus.ConnectionString, """
            SELECT DISTINCT a.speaker_id FROM analysis.speaker_aliases a
            WHERE a.alias IN ('John Kirby', 'Kirby', 'Pentagon press secretary John Kirby')
            """);
        var qaaniAliases = await Rows.QueryAsync(corpus.ConnectionString, "SELECT alias FROM analysis.speaker_aliases WHERE speaker_id = $1", qaani.Single()[0]!);

        qaaniAliases.Select(r => (string)r[0]!).ShouldBeSubsetOf(["Ismail Qaani", "Esmail Qhaani", "Esmail Ghaani"]);
        qaaniAliases.Count.ShouldBe(3);
        kirby.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Stories_SeedsAndSamples_OneStoryPerEvent()
    {
        var rows = await Rows.QueryAsync(corpus.ConnectionString, "SELECT article_id, story_id FROM analysis.article_stories");
        var storyOf = rows.ToDictionary(r => (Guid)r[0]!, r => (Guid)r[1]!);

        foreach (var story in corpus.Articles.GroupBy(p => storyOf[p.Key]))
        {
            output.WriteLine($"story {story.Key}: {string.Join(", ", story.Select(p => $"{p.Value.Name} ({p.Value.Outlet})"))}");
        }
        var events = corpus.Articles.GroupBy(p => storyOf[p.Key]).Select(g => g.Select(p => p.Value.Event).Distinct().ToList()).ToList();
        events.ShouldAllBe(e => e.Count == 1);
        events.Count.ShouldBe(corpus.Articles.Values.Select(a => a.Event).Distinct().Count());
        SeedIds.Select(id => storyOf[id]).Distinct().ShouldHaveSingleItem();
        (await Sql.ScalarAsync<int>(corpus.ConnectionString, "SELECT article_count FROM analysis.stories WHERE id = $1", storyOf[SeedIds[0]])).ShouldBe(5);
    }

    [Fact]
    public async Task Stories_StoredTermKeys_AreTheKeysACandidateQueryAsksFor()
    {
        // The keys are made in the service both when an article is stored and when a window is searched: a stored
        // article must hold the keys of its own window's query for each of its terms.
        var rows = await Rows.QueryAsync(corpus.ConnectionString, "SELECT story_time, terms, term_keys FROM analysis.article_stories");

        rows.ShouldNotBeEmpty();
        foreach (var row in rows)
        {
            var (time, terms, keys) = ((DateTime)row[0]!, (string[])row[1]!, (long[])row[2]!);
            keys.ShouldBe(Stories.StoryPeriods.Keys(terms, time));
            Stories.StoryPeriods.WindowKeys(terms.Take(3), time.AddDays(-3), time.AddDays(3)).Intersect(keys).Count().ShouldBe(Math.Min(3, terms.Length));
        }
        var periods = await Rows.QueryAsync(corpus.ConnectionString,
            "SELECT story_time, floor(extract(epoch FROM story_time) / 259200)::bigint FROM analysis.article_stories");
        periods.ShouldAllBe(p => Stories.StoryPeriods.Of((DateTime)p[0]!) == (long)p[1]!);
        // The SQL form migrations backfill with gives the same keys.
        (await Sql.ScalarAsync<long>(corpus.ConnectionString,
            $"SELECT count(*) FROM analysis.article_stories WHERE term_keys <> ARRAY(SELECT {Stories.StoryPeriods.KeySql} FROM unnest(terms) AS t)"))
            .ShouldBe(0);
    }

    [Fact]
    public async Task Stories_KeptIncrementally_CountsAndTimesEqualTheirArticles()
    {
        var mismatches = await Sql.ScalarAsync<long>(corpus.ConnectionString, """
            WITH expected AS (SELECT story_id AS id, count(*)::int AS n, min(story_time) AS first_time, max(story_time) AS last_time
                              FROM analysis.article_stories GROUP BY story_id),
            actual AS (SELECT id, article_count AS n, first_time, last_time FROM analysis.stories)
            SELECT count(*) FROM ((SELECT * FROM expected EXCEPT SELECT * FROM actual) UNION ALL (SELECT * FROM actual EXCEPT SELECT * FROM expected)) x
            """);

        mismatches.ShouldBe(0);
    }

    [Fact]
    public async Task AnonymousSources_Seeds_NormalizedDescriptorsWithReasons()
    {
        var rows = await Rows.QueryAsync(corpus.ConnectionString, """
            SELECT normalized_descriptor, count(DISTINCT article_id)::int, sum(attribution_count)::int, count(anonymity_reason)::int
            FROM analysis.anonymous_sources WHERE article_id = ANY($1) GROUP BY 1 ORDER BY 2 DESC, 1
            """, SeedIds);
        foreach (var row in rows)
        {
            output.WriteLine($"{row[0],-40} articles {row[1]}  attributions {row[2]}  with reason {row[3]}");
        }

        var byDescriptor = rows.ToDictionary(r => (string)r[0]!, r => (int)r[1]!);
        // "Iraqi officials" and "two Iraqi officials" in every copy of the wire story; the Post says "Iraqi security officials".
        byDescriptor["iraqi officials"].ShouldBe(4);
        rows.Single(r => (string)r[0]! == "senior iraqi shiite politician")[3].ShouldBe(3);
        byDescriptor.Keys.ShouldNotContain(k => k.StartsWith("two ") || k.StartsWith("a ") || k.StartsWith("the "));
        (await Sql.ScalarAsync<long>(corpus.ConnectionString,
            "SELECT count(*) FROM analysis.attributions WHERE sourcing = 2 AND anonymous_source_id IS NULL")).ShouldBe(0);
    }

    /// <summary>Person → outlet → attributions, from the gold annotation of the seeds.</summary>
    private static Dictionary<string, Dictionary<string, int>> GoldPersonCounts()
    {
        var counts = new Dictionary<string, Dictionary<string, int>>();
        foreach (var line in File.ReadLines(Path.Combine(RepositoryPaths.Shared, "gold", "seeds.jsonl")))
        {
            using var article = JsonDocument.Parse(line);
            var outlet = Corpus.SeedOutlets[article.RootElement.GetProperty("id").GetString() + ".txt"];
            foreach (var a in article.RootElement.GetProperty("attributions").EnumerateArray())
            {
                if (a.GetProperty("entity").GetString() == "person" && SeedPeople.TryGetValue(a.GetProperty("speaker").GetString()!, out var person))
                {
                    var byOutlet = counts.TryGetValue(person, out var c) ? c : counts[person] = [];
                    byOutlet[outlet] = byOutlet.GetValueOrDefault(outlet) + 1;
                }
            }
        }
        return counts;
    }
}
