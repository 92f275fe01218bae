using System.CommandLine;
using Google.Protobuf;
using Grpc.Core;
using Sourcing.Cli.Services;
using Sourcing.Cli.Output;
using Sourcing.Contracts.V1;
using Spectre.Console;

namespace Sourcing.Cli.Commands;

/// <summary><c>sourcing article ID</c>: shows one article and its attributions from the query service.</summary>
internal static class ArticleCommand
{
    public static Command Create(GlobalOptions globals, CliIO io)
    {
        var id = new Argument<string>("id") { Description = "The article id that ingest printed." };
        var json = new Option<bool>("--json") { Description = "Print the whole response as JSON instead of a table." };
        var command = new Command("article", "Show an article's attributions.");
        command.Arguments.Add(id);
        command.Options.Add(json);
        command.SetAction((result, cancellationToken) =>
            RunAsync(result.GetValue(id)!, result.GetValue(json), globals.Query(result), io, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(string articleId, bool json, ServiceTarget target, CliIO io, CancellationToken cancellationToken)
    {
        using var channel = target.CreateChannel();
        var client = new QueryService.QueryServiceClient(channel);
        GetArticleResponse response;
        try
        {
            response = await client.GetArticleAsync(
                new GetArticleRequest { ArticleId = articleId },
                deadline: target.Deadline(),
                cancellationToken: cancellationToken);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            await io.Error.WriteLineAsync($"error: article '{articleId}' not found.");
            return ExitCodes.Failure;
        }
        catch (RpcException e)
        {
            foreach (var line in RpcErrors.Describe(target, e))
            {
                await io.Error.WriteLineAsync(line.StartsWith(' ') ? line : $"error: {line}");
            }
            return ExitCodes.Failure;
        }

        if (json)
        {
            var formatter = new JsonFormatter(JsonFormatter.Settings.Default.WithIndentation());
            await io.Out.WriteLineAsync(formatter.Format(response));
            await io.Out.FlushAsync(cancellationToken);
        }
        else
        {
            ArticleView.Write(io.Console, response);
        }
        return ExitCodes.Success;
    }
}
