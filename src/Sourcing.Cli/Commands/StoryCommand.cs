using System.CommandLine;
using System.Globalization;
using Google.Protobuf;
using Sourcing.Contracts.V1;
using Spectre.Console;

namespace Sourcing.Cli.Commands;

/// <summary><c>sourcing story ID</c>: a story's versions side by side (QueryService.CompareStory).</summary>
internal static class StoryCommand
{
    public static Command Create(GlobalOptions globals, CliIO io)
    {
        var id = new Argument<string>("id") { Description = "The story id (GetArticle shows an article's story)." };
        var json = new Option<bool>("--json") { Description = "Print the comparison as JSON instead of tables." };
        var command = new Command("story", "Compare a story's versions across outlets: speakers, shared and dropped statements, copies.");
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.SetAction((result, cancellationToken) =>
        {
            var target = globals.Query(result);
            return QueryCalls.RunAsync(target, io, async () =>
            {
                using var channel = target.CreateChannel();
                var comparison = await new QueryService.QueryServiceClient(channel).CompareStoryAsync(
                    new CompareStoryRequest { StoryId = result.GetValue(id)! }, deadline: target.Deadline(), cancellationToken: cancellationToken);
                if (result.GetValue(json))
                {
                    await io.Out.WriteLineAsync(new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(comparison));
                    return;
                }
                Write(io, comparison);
            });
        });
        return command;
    }

    private static void Write(CliIO io, CompareStoryResponse comparison)
    {
        var outlets = comparison.Versions.ToDictionary(v => v.Article.ArticleId, v => v.Article.Outlet.Length > 0 ? v.Article.Outlet : v.Article.ArticleId[..8]);
        var versions = new Table().AddColumns("Outlet", "Title", "Named", "Anonymous", "Added", "Dropped", "Copy of", "Speakers");
        foreach (var v in comparison.Versions)
        {
            versions.AddRow(Markup.Escape(outlets[v.Article.ArticleId]), Markup.Escape(v.Article.Title), v.NamedCount.ToString(CultureInfo.InvariantCulture),
                v.AnonymousCount.ToString(CultureInfo.InvariantCulture), v.AddedAttributions.Count.ToString(CultureInfo.InvariantCulture), v.DroppedSharedIndexes.Count.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(v.CopyOf.Length > 0 && outlets.TryGetValue(v.CopyOf, out var o) ? o : ""), Markup.Escape(string.Join(", ", v.Speakers)));
        }
        io.Console.Write(versions);
        var shared = new Table().AddColumns("#", "Speaker", "Content", "Carried by");
        for (var i = 0; i < comparison.SharedAttributions.Count; i++)
        {
            var s = comparison.SharedAttributions[i];
            shared.AddRow(i.ToString(CultureInfo.InvariantCulture), Markup.Escape(s.Attribution.Speaker), Markup.Escape(s.Attribution.Content.Text),
                Markup.Escape(string.Join(", ", s.ArticleIds.Select(a => outlets.GetValueOrDefault(a, a)))));
        }
        io.Console.Write(shared);
    }
}
