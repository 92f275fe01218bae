using System.CommandLine;
using Google.Protobuf;
using Sourcing.Contracts.V1;
using Spectre.Console;

namespace Sourcing.Cli.Commands;

/// <summary><c>sourcing speaker NAME</c>: the speakers whose name or a spelling matches, and the best match's quotes across outlets and time.</summary>
internal static class SpeakerCommand
{
    public static Command Create(GlobalOptions globals, CliIO io)
    {
        var name = new Argument<string>("name") { Description = "A name or part of one (any spelling seen, e.g. Kirby)." };
        var max = new Option<int>("--max") { Description = "The most quotes to show, newest first (default 100).", HelpName = "n" };
        var json = new Option<bool>("--json") { Description = "Print the speaker and quotes as JSON instead of tables." };
        var command = new Command("speaker", "A speaker's quotes across outlets and time.");
        command.Arguments.Add(name);
        command.Options.Add(max);
        command.Options.Add(json);
        command.SetAction((result, cancellationToken) =>
        {
            var target = globals.Query(result);
            return QueryCalls.RunAsync(target, io, async () =>
            {
                using var channel = target.CreateChannel();
                var client = new QueryService.QueryServiceClient(channel);
                var matches = await client.ListSpeakersAsync(new ListSpeakersRequest { NameQuery = result.GetValue(name)!, PageSize = 10 },
                    deadline: target.Deadline(), cancellationToken: cancellationToken);
                if (matches.Speakers.Count == 0)
                {
                    await io.Error.WriteLineAsync($"No speaker matches '{result.GetValue(name)}'.");
                    return;
                }
                var speaker = await client.GetSpeakerAsync(new GetSpeakerRequest { SpeakerId = matches.Speakers[0].SpeakerId, MaxAttributions = result.GetValue(max) },
                    deadline: target.Deadline(), cancellationToken: cancellationToken);
                if (result.GetValue(json))
                {
                    await io.Out.WriteLineAsync(new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(speaker));
                    return;
                }
                Write(io, matches, speaker);
            });
        });
        return command;
    }

    private static void Write(CliIO io, ListSpeakersResponse matches, GetSpeakerResponse speaker)
    {
        var s = speaker.Speaker;
        io.Console.MarkupLine($"[bold]{Markup.Escape(s.Name)}[/] ({s.Entity.ToString().ToLowerInvariant()}), {s.AttributionCount} attributions");
        io.Console.MarkupLine($"Spellings: {Markup.Escape(string.Join(" | ", s.Aliases))}");
        io.Console.MarkupLine($"By outlet: {Markup.Escape(string.Join(", ", s.AttributionCountsByOutlet.OrderByDescending(o => o.Value).Select(o => $"{(o.Key.Length == 0 ? "(unknown)" : o.Key)} {o.Value}")))}");
        if (matches.Speakers.Count > 1)
        {
            io.Console.MarkupLine($"Also matching: {Markup.Escape(string.Join(", ", matches.Speakers.Skip(1).Select(m => m.Name)))}");
        }
        var table = new Table().AddColumn(new TableColumn("Article").NoWrap()).AddColumns("Cue", "Quote", "Content");
        foreach (var a in speaker.Attributions)
        {
            table.AddRow(a.ArticleId, Markup.Escape(a.Cue.Text), a.QuoteType.ToString().ToLowerInvariant(), Markup.Escape(a.Content.Text));
        }
        io.Console.Write(table);
    }
}
