using Sourcing.Testing;

namespace Sourcing.Load.Bench;

/// <summary>What must hold once the outbox drained: every acknowledged article stored once and analyzed once, nothing else stored.</summary>
public static class ExactlyOnce
{
    public static async Task<bool> CheckAsync(string connection, string[] acknowledged, AnalyzeCallCounter counter)
    {
        var ids = acknowledged.Select(Guid.Parse).ToArray();
        var checks = new List<(string What, bool Holds, string Detail)>();
        void Check(string what, long actual, long expected) => checks.Add((what, actual == expected, $"{actual} (expected {expected})"));

        Check("distinct acknowledged ids", ids.Distinct().Count(), ids.Length);
        Check("articles stored", await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM ingest.articles"), ids.Length);
        Check("acknowledged articles stored", await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM ingest.articles WHERE id = ANY($1)", ids), ids.Length);
        Check("stored texts fingerprinted twice", await Sql.ScalarAsync<long>(connection, "SELECT count(*) - count(DISTINCT fingerprint) FROM ingest.articles"), 0);
        Check("articles analyzed (state ANALYZED)", await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM ingest.articles WHERE state = 4 AND id = ANY($1)", ids), ids.Length);
        Check("articles with a stored analysis", await Sql.ScalarAsync<long>(connection, "SELECT count(DISTINCT article_id) FROM analysis.article_analyses WHERE article_id = ANY($1)", ids), ids.Length);
        Check("dispatch attempts above one", await Sql.ScalarAsync<long>(connection, "SELECT count(*) FROM ingest.articles WHERE attempts <> 1"), 0);
        Check("AnalyzeArticle calls", counter.Calls.Values.Sum(), ids.Length);
        Check("acknowledged articles analyzed exactly once", ids.Count(id => counter.Calls.GetValueOrDefault(id.ToString()) == 1), ids.Length);

        foreach (var (what, holds, detail) in checks)
        {
            Console.WriteLine($"{(holds ? "ok  " : "FAIL")} {what}: {detail}");
        }
        return checks.All(c => c.Holds);
    }
}
