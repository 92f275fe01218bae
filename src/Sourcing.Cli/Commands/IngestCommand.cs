using System.CommandLine;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Sourcing.Cli.Services;
using Sourcing.Cli.Input;
using Sourcing.Cli.Output;
using Sourcing.Contracts.V1;
using Spectre.Console;

namespace Sourcing.Cli.Commands;

/// <summary>
/// <c>sourcing ingest FILE...</c>: submits plain-text articles (first line the title, the rest
/// the body) to the ingest service, one call per file; a failed file does not stop the others.
/// </summary>
internal static class IngestCommand
{
    public static Command Create(GlobalOptions globals, CliIO io)
    {
        var files = new Argument<string[]>("files")
        {
            Description = "Plain-text articles: the first line is the title, the rest the body.",
            Arity = ArgumentArity.OneOrMore,
        };
        var outlet = new Option<string?>("--outlet") { Description = "The publication the articles appeared in.", HelpName = "name" };
        var url = new Option<string?>("--url") { Description = "The article's canonical URL (only with one file).", HelpName = "url" };
        var published = new Option<DateTimeOffset?>("--published")
        {
            Description = "When the articles were published, e.g. 2021-04-07 or 2021-04-07T14:30:00Z (local time when no offset is given).",
            HelpName = "date",
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
                if (DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeLocal, out var time))
                {
                    return time;
                }
                result.AddError($"--published must be a date or date and time such as 2021-04-07 or 2021-04-07T14:30:00Z, not '{token}'.");
                return null;
            },
        };
        var command = new Command("ingest", "Submit plain-text articles to the ingest service.");
        command.Arguments.Add(files);
        command.Options.Add(outlet);
        command.Options.Add(url);
        command.Options.Add(published);
        command.Validators.Add(result =>
        {
            if (result.GetValue(url) is { } value)
            {
                if (result.GetValue(files) is { Length: > 1 })
                {
                    result.AddError("--url can only be used with a single file.");
                }
                else if (!Uri.TryCreate(value, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https"))
                {
                    result.AddError($"--url must be an absolute http:// or https:// URL, not '{value}'.");
                }
            }
        });
        command.SetAction((result, cancellationToken) =>
        {
            var template = new IngestArticleRequest
            {
                ContentType = ContentType.Text,
                Outlet = result.GetValue(outlet) ?? "",
                Url = result.GetValue(url) ?? "",
                PublishTime = result.GetValue(published) is { } time ? Timestamp.FromDateTimeOffset(time) : null,
            };
            return RunAsync(result.GetValue(files)!, template, globals.Ingest(result), io, cancellationToken);
        });
        return command;
    }

    public static async Task<int> RunAsync(
        IReadOnlyList<string> files,
        IngestArticleRequest template,
        ServiceTarget target,
        CliIO io,
        CancellationToken cancellationToken)
    {
        using var channel = target.CreateChannel();
        var client = new IngestService.IngestServiceClient(channel);
        // Ids are copied into the next command: never wrap them, whatever the terminal width.
        var table = new Table().AddColumn("File").AddColumn(new TableColumn("Article id").NoWrap()).AddColumns("Outcome", "State");
        var (failed, sent) = (0, 0);
        foreach (var file in files)
        {
            sent++;
            var row = await IngestOneAsync(file, template, client, target, io, cancellationToken);
            table.AddRow(new Text(row.File), new Text(row.ArticleId), new Text(row.Outcome), new Text(row.State));
            failed += row.Failed ? 1 : 0;
            if (row.Unreachable)
            {
                // Every other file would fail the same way.
                break;
            }
        }
        io.Console.Write(table);
        if (failed > 0)
        {
            var notSent = files.Count - sent;
            await io.Error.WriteLineAsync(notSent == 0
                ? $"{failed} of {files.Count} files failed."
                : $"{failed} of {files.Count} files failed; {notSent} not sent because {target.Name} is unreachable.");
        }
        return failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<IngestRow> IngestOneAsync(
        string file,
        IngestArticleRequest template,
        IngestService.IngestServiceClient client,
        ServiceTarget target,
        CliIO io,
        CancellationToken cancellationToken)
    {
        ArticleFile article;
        try
        {
            article = await ArticleFile.ReadAsync(file, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is FileNotFoundException or DirectoryNotFoundException ? "file not found" : e.Message;
            await io.Error.WriteLineAsync($"error: {file}: {reason}");
            return IngestRow.Failure(file, "not sent");
        }

        var request = template.Clone();
        request.Title = article.Title;
        request.Body = article.Body;
        request.RequestId = Guid.NewGuid().ToString();
        try
        {
            var response = await client.IngestArticleAsync(request, deadline: target.Deadline(), cancellationToken: cancellationToken);
            return new IngestRow(file, response.ArticleId, Labels.Of(response.Outcome), Labels.Of(response.State));
        }
        catch (RpcException e)
        {
            var lines = RpcErrors.Describe(target, e);
            await io.Error.WriteLineAsync($"error: {file}: {lines[0]}");
            foreach (var line in lines.Skip(1))
            {
                await io.Error.WriteLineAsync(line);
            }
            return RpcErrors.IsUnreachable(e, out _)
                ? IngestRow.Failure(file, "unreachable") with { Unreachable = true }
                : IngestRow.Failure(file, Labels.Of(e.StatusCode));
        }
    }

    /// <summary>One line of the result table.</summary>
    private sealed record IngestRow(string File, string ArticleId, string Outcome, string State)
    {
        public bool Failed => Outcome == "FAILED";

        public bool Unreachable { get; init; }

        public static IngestRow Failure(string file, string state) => new(file, "", "FAILED", state);
    }
}
