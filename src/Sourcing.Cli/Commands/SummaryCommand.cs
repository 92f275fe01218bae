using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Sourcing.Contracts.V1;
using Spectre.Console;

namespace Sourcing.Cli.Commands;

/// <summary><c>sourcing summary --by outlet|day|story|speaker</c>: named and anonymous sourcing per group (QueryService.GetSourcingSummary).</summary>
internal static class SummaryCommand
{
    public static Command Create(GlobalOptions globals, CliIO io)
    {
        var filter = new ArticleFilterOptions();
        var by = new Option<string>("--by") { Description = "Group by outlet, day, story or speaker.", HelpName = "outlet|day|story|speaker", DefaultValueFactory = _ => "outlet" };
        by.AcceptOnlyFromAmong("outlet", "day", "story", "speaker");
        var maxGroups = new Option<int>("--max-groups") { Description = "The most groups to show, largest first (default 100).", HelpName = "n" };
        var json = new Option<bool>("--json") { Description = "Print the whole response as JSON instead of a table." };
        var command = new Command("summary", "Sourcing counts and shares per outlet, day, story or speaker.");
        command.Options.Add(by);
        filter.AddTo(command);
        command.Options.Add(maxGroups);
        command.Options.Add(json);
        command.SetAction((result, cancellationToken) =>
        {
            var target = globals.Query(result);
            var request = new GetSourcingSummaryRequest
            {
                GroupBy = result.GetValue(by) switch
                {
                    "day" => SummaryGrouping.Day,
                    "story" => SummaryGrouping.Story,
                    "speaker" => SummaryGrouping.Speaker,
                    _ => SummaryGrouping.Outlet,
                },
                Filter = filter.Read(result),
                MaxGroups = result.GetValue(maxGroups),
            };
            return QueryCalls.RunAsync(target, io, async () =>
            {
                using var channel = target.CreateChannel();
                var response = await new QueryService.QueryServiceClient(channel).GetSourcingSummaryAsync(
                    request, deadline: target.Deadline(), cancellationToken: cancellationToken);
                if (result.GetValue(json))
                {
                    await io.Out.WriteLineAsync(new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(response));
                    return;
                }
                Write(io, response, result.GetValue(by)!);
            });
        });
        return command;
    }

    private static void Write(CliIO io, GetSourcingSummaryResponse response, string by)
    {
        var table = new Table().AddColumns(CultureInfo.InvariantCulture.TextInfo.ToTitleCase(by), "Articles", "Attributions", "Named", "Anonymous",
            "Anonymous %", "With reason %", "Speakers", "Top speakers");
        foreach (var g in response.Groups)
        {
            table.AddRow(Markup.Escape(g.Label), Number(g.ArticleCount), Number(g.AttributionCount), Number(g.NamedCount),
                Number(g.AnonymousCount), Percent(g.AnonymousShare), Percent(g.ReasonedAnonymousShare), Number(g.DistinctSpeakerCount),
                Markup.Escape(string.Join(", ", g.TopSpeakers.Take(3).Select(s => $"{s.Name} ({s.AttributionCount})"))));
        }
        io.Console.Write(table);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Percent(double share) => (share * 100).ToString("F1", CultureInfo.InvariantCulture);
}
