using System.CommandLine;
using Google.Protobuf;
using Sourcing.Cli.Output;
using Sourcing.Contracts.V1;
using Spectre.Console;

namespace Sourcing.Cli.Commands;

/// <summary><c>sourcing articles</c>: a page of articles that match a filter, newest first (QueryService.ListArticles).</summary>
internal static class ArticlesCommand
{
    public static Command Create(GlobalOptions globals, CliIO io)
    {
        var filter = new ArticleFilterOptions();
        var pageSize = new Option<int>("--page-size") { Description = "Articles per page (default 50, at most 500).", HelpName = "n" };
        var pageToken = new Option<string?>("--page-token") { Description = "Continue from the token the previous page printed.", HelpName = "token" };
        var json = new Option<bool>("--json") { Description = "Print the whole response as JSON instead of a table." };
        var command = new Command("articles", "List articles that match a filter, newest first.");
        filter.AddTo(command);
        command.Options.Add(pageSize);
        command.Options.Add(pageToken);
        command.Options.Add(json);
        command.SetAction((result, cancellationToken) =>
        {
            var target = globals.Query(result);
            var request = new ListArticlesRequest
            {
                Filter = filter.Read(result),
                PageSize = result.GetValue(pageSize),
                PageToken = result.GetValue(pageToken) ?? "",
            };
            return QueryCalls.RunAsync(target, io, async () =>
            {
                using var channel = target.CreateChannel();
                var response = await new QueryService.QueryServiceClient(channel).ListArticlesAsync(
                    request, deadline: target.Deadline(), cancellationToken: cancellationToken);
                await WriteAsync(io, response, result.GetValue(json));
            });
        });
        return command;
    }

    private static async Task WriteAsync(CliIO io, ListArticlesResponse response, bool json)
    {
        if (json)
        {
            await io.Out.WriteLineAsync(new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation()).Format(response));
            return;
        }
        var table = new Table().AddColumns("Published", "Outlet", "Title", "Attributions", "Anonymous", "State", "Id");
        foreach (var a in response.Articles)
        {
            table.AddRow(
                Markup.Escape(a.PublishTime?.ToDateTime().ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) ?? ""),
                Markup.Escape(a.Outlet), Markup.Escape(Labels.Truncate(a.Title, 60)),
                a.AttributionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                a.AnonymousAttributionCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Labels.Of(a.State), a.ArticleId);
        }
        io.Console.Write(table);
        await io.Error.WriteLineAsync(response.NextPageToken.Length > 0
            ? $"{response.Articles.Count} articles; more with --page-token {response.NextPageToken}"
            : $"{response.Articles.Count} articles");
    }
}
