using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace Sourcing.Query.Bench;

/// <summary>Bulk-loads generated articles, analyses and attributions with binary COPY.</summary>
internal static class Loader
{
    public static async Task<Guid[]> LoadAsync(string connectionString, int articleCount)
    {
        var ids = new Guid[articleCount];
        var corpus = new Corpus(42);
        var clock = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        const int batch = 50_000;
        for (var first = 0; first < articleCount; first += batch)
        {
            var count = Math.Min(batch, articleCount - first);
            var rows = new (Guid Id, string Outlet, DateTime Published, string Text)[count];
            for (var i = 0; i < count; i++)
            {
                rows[i] = (Guid.CreateVersion7(), corpus.NextOutlet(), corpus.NextPublished(), corpus.NextText());
                ids[first + i] = rows[i].Id;
            }
            await using (var articles = await connection.BeginBinaryImportAsync(
                "COPY ingest.articles (id, title, outlet, published_at, received_at, content_type, original_body, text, fingerprint, state, attempts, analyzed_at) FROM STDIN (FORMAT BINARY)"))
            {
                foreach (var row in rows)
                {
                    await articles.StartRowAsync();
                    await articles.WriteAsync(row.Id, NpgsqlDbType.Uuid);
                    await articles.WriteAsync(row.Text[..40], NpgsqlDbType.Text);
                    await articles.WriteAsync(row.Outlet, NpgsqlDbType.Text);
                    await articles.WriteAsync(row.Published, NpgsqlDbType.TimestampTz);
                    await articles.WriteAsync(row.Published.AddMinutes(5), NpgsqlDbType.TimestampTz);
                    await articles.WriteAsync((short)1, NpgsqlDbType.Smallint);
                    await articles.WriteAsync(row.Text, NpgsqlDbType.Text);
                    await articles.WriteAsync(row.Text, NpgsqlDbType.Text);
                    await articles.WriteAsync(row.Id.ToString("N"), NpgsqlDbType.Text);
                    await articles.WriteAsync((short)4, NpgsqlDbType.Smallint);
                    await articles.WriteAsync(1, NpgsqlDbType.Integer);
                    await articles.WriteAsync(row.Published.AddMinutes(6), NpgsqlDbType.TimestampTz);
                }
                await articles.CompleteAsync();
            }
            // Drawn before writing: the analyses (which the attributions reference) go in first with their counts.
            var anonymousCounts = new int[count];
            var quotes = new (string Speaker, bool Anonymous, bool Reason, short QuoteType)[count, Corpus.AttributionsPerArticle];
            for (var i = 0; i < count; i++)
            {
                for (var j = 0; j < Corpus.AttributionsPerArticle; j++)
                {
                    var speaker = corpus.NextSpeaker();
                    var anonymous = speaker == "officials";
                    anonymousCounts[i] += anonymous ? 1 : 0;
                    quotes[i, j] = (speaker, anonymous, anonymous && corpus.Next(3) == 0, (short)(1 + corpus.Next(3)));
                }
            }
            await CopyAnalysesAsync(connection, rows.Select(r => (r.Id, r.Outlet, r.Published)).ToArray(), anonymousCounts);
            await using (var attributions = await connection.BeginBinaryImportAsync("""
                COPY analysis.attributions (id, article_id, ordinal, engine_version, cue_start, cue_end, cue_text, source_start, source_end,
                    source_text, content_start, content_end, content_text, quote_type, speaker, sourcing, entity, reason_start, reason_end, reason_text)
                FROM STDIN (FORMAT BINARY)
                """))
            {
                for (var i = 0; i < count; i++)
                {
                    for (var j = 0; j < Corpus.AttributionsPerArticle; j++)
                    {
                        var (speaker, anonymous, reason, quoteType) = quotes[i, j];
                        await attributions.StartRowAsync();
                        await attributions.WriteAsync(Guid.CreateVersion7(), NpgsqlDbType.Uuid);
                        await attributions.WriteAsync(rows[i].Id, NpgsqlDbType.Uuid);
                        await attributions.WriteAsync(j, NpgsqlDbType.Integer);
                        await attributions.WriteAsync("bench-1", NpgsqlDbType.Text);
                        await attributions.WriteAsync(j * 40, NpgsqlDbType.Integer);
                        await attributions.WriteAsync(j * 40 + 4, NpgsqlDbType.Integer);
                        await attributions.WriteAsync("said", NpgsqlDbType.Text);
                        await attributions.WriteAsync(j * 40 + 5, NpgsqlDbType.Integer);
                        await attributions.WriteAsync(j * 40 + 5 + speaker.Length, NpgsqlDbType.Integer);
                        await attributions.WriteAsync(speaker, NpgsqlDbType.Text);
                        await attributions.WriteAsync(j * 40 + 20, NpgsqlDbType.Integer);
                        await attributions.WriteAsync(j * 40 + 39, NpgsqlDbType.Integer);
                        await attributions.WriteAsync("the talks would go on", NpgsqlDbType.Text);
                        await attributions.WriteAsync(quoteType, NpgsqlDbType.Smallint);
                        await attributions.WriteAsync(speaker, NpgsqlDbType.Text);
                        await attributions.WriteAsync((short)(anonymous ? 2 : 1), NpgsqlDbType.Smallint);
                        await attributions.WriteAsync((short)(anonymous ? 2 : 1), NpgsqlDbType.Smallint);
                        if (reason)
                        {
                            await attributions.WriteAsync(600, NpgsqlDbType.Integer);
                            await attributions.WriteAsync(640, NpgsqlDbType.Integer);
                            await attributions.WriteAsync("because they were not authorized", NpgsqlDbType.Text);
                        }
                        else
                        {
                            await attributions.WriteNullAsync();
                            await attributions.WriteNullAsync();
                            await attributions.WriteNullAsync();
                        }
                    }
                }
                await attributions.CompleteAsync();
            }
            Console.Error.WriteLine($"  loaded {first + count:N0} articles in {clock.Elapsed.TotalSeconds:F0} s");
        }
        return ids;
    }

    private static async Task CopyAnalysesAsync(NpgsqlConnection connection, (Guid Id, string Outlet, DateTime Published)[] rows, int[] anonymous)
    {
        await using var writer = await connection.BeginBinaryImportAsync(
            "COPY analysis.article_analyses (article_id, engine_version, analyzed_at, outlet, title, published_at, attribution_count, anonymous_count) FROM STDIN (FORMAT BINARY)");
        for (var i = 0; i < rows.Length; i++)
        {
            await writer.StartRowAsync();
            await writer.WriteAsync(rows[i].Id, NpgsqlDbType.Uuid);
            await writer.WriteAsync("bench-1", NpgsqlDbType.Text);
            await writer.WriteAsync(rows[i].Published.AddMinutes(6), NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(rows[i].Outlet, NpgsqlDbType.Text);
            await writer.WriteAsync("title", NpgsqlDbType.Text);
            await writer.WriteAsync(rows[i].Published, NpgsqlDbType.TimestampTz);
            await writer.WriteAsync(Corpus.AttributionsPerArticle, NpgsqlDbType.Integer);
            await writer.WriteAsync(anonymous[i], NpgsqlDbType.Integer);
        }
        await writer.CompleteAsync();
    }
}
