using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Sourcing.Cli.Output;
using Sourcing.Contracts.V1;

namespace Sourcing.Cli.Commands;

/// <summary>
/// <c>sourcing export --format jsonl|csv</c>: every attribution that matches a filter, streamed to standard output as it
/// arrives (QueryService.StreamAttributions), so memory stays flat for any size. The stream has no deadline: an export
/// takes as long as it takes; Ctrl+C ends it.
/// </summary>
internal static class ExportCommand
{
    private static readonly string[] CsvColumns = ["article_id", "attribution_id", "speaker", "sourcing", "entity", "quote_type",
        "cue", "source", "content", "anonymity_reason", "engine_version"];

    public static Command Create(GlobalOptions globals, CliIO io)
    {
        var filter = new ArticleFilterOptions();
        var format = new Option<string>("--format") { Description = "jsonl (one protobuf JSON object per line) or csv.", HelpName = "jsonl|csv", DefaultValueFactory = _ => "jsonl" };
        format.AcceptOnlyFromAmong("jsonl", "csv");
        var sourcing = new Option<string?>("--sourcing") { Description = "Only named or anonymous attributions.", HelpName = "named|anonymous" };
        sourcing.AcceptOnlyFromAmong("named", "anonymous");
        var hasReason = new Option<bool?>("--has-reason") { Description = "true: only attributions with an anonymity reason; false: only those without." };
        var command = new Command("export", "Export attributions that match a filter as JSON lines or CSV.");
        command.Options.Add(format);
        filter.AddTo(command);
        command.Options.Add(sourcing);
        command.Options.Add(hasReason);
        command.SetAction((result, cancellationToken) =>
        {
            var target = globals.Query(result);
            var attributionFilter = new AttributionFilter
            {
                ArticleFilter = filter.Read(result),
                Sourcing = result.GetValue(sourcing) switch
                {
                    "named" => Contracts.V1.Sourcing.Named,
                    "anonymous" => Contracts.V1.Sourcing.Anonymous,
                    _ => Contracts.V1.Sourcing.Unspecified,
                },
            };
            if (result.GetValue(hasReason) is { } reason)
            {
                attributionFilter.HasReason = reason;
            }
            var csv = result.GetValue(format) == "csv";
            return QueryCalls.RunAsync(target, io, async () =>
            {
                using var channel = target.CreateChannel();
                using var call = new QueryService.QueryServiceClient(channel).StreamAttributions(
                    new StreamAttributionsRequest { Filter = attributionFilter }, cancellationToken: cancellationToken);
                if (csv)
                {
                    await io.Out.WriteLineAsync(string.Join(',', CsvColumns));
                }
                var count = 0;
                await foreach (var item in call.ResponseStream.ReadAllAsync(cancellationToken))
                {
                    await io.Out.WriteLineAsync(csv ? CsvLine(item.Attribution) : JsonFormatter.Default.Format(item.Attribution));
                    count++;
                }
                await io.Out.FlushAsync(cancellationToken);
                await io.Error.WriteLineAsync($"{count} attributions exported");
            });
        });
        return command;
    }

    private static string CsvLine(Contracts.V1.Attribution a) => string.Join(',', new[]
    {
        a.ArticleId, a.AttributionId, a.Speaker, Labels.Lower(a.Sourcing), Labels.Lower(a.Entity), Labels.Lower(a.QuoteType),
        a.Cue?.Text ?? "", a.Source?.Text ?? "", a.Content?.Text ?? "", a.AnonymityReason?.Text ?? "", a.EngineVersion,
    }.Select(Csv));

    /// <summary>RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.</summary>
    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
