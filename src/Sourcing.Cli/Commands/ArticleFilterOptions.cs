using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Google.Protobuf.WellKnownTypes;
using Sourcing.Contracts.V1;

namespace Sourcing.Cli.Commands;

/// <summary>The article filter as options, shared by <c>articles</c>, <c>summary</c> and <c>export</c>.</summary>
internal sealed class ArticleFilterOptions
{
    public Option<string[]> Outlets { get; } = new("--outlet") { Description = "Only these outlets (repeatable).", HelpName = "name", AllowMultipleArgumentsPerToken = false };
    public Option<DateTimeOffset?> From { get; } = TimeOption("--from", "Only articles published at or after this time, e.g. 2021-04-07 (UTC when no offset is given).");
    public Option<DateTimeOffset?> To { get; } = TimeOption("--to", "Only articles published before this time.");
    public Option<bool?> HasAnonymous { get; } = new("--has-anonymous") { Description = "true: only articles with an anonymous attribution; false: only those without." };
    public Option<double?> MinAnonymousShare { get; } = new("--min-anonymous-share") { Description = "Only articles whose anonymous share is at least this (0 to 1).", HelpName = "share" };
    public Option<string?> Search { get; } = new("--search") { Description = "Full-text search in title and text (web search syntax: words, \"phrases\", -excluded, or).", HelpName = "query" };

    public void AddTo(Command command)
    {
        command.Options.Add(Outlets);
        command.Options.Add(From);
        command.Options.Add(To);
        command.Options.Add(HasAnonymous);
        command.Options.Add(MinAnonymousShare);
        command.Options.Add(Search);
    }

    public ArticleFilter Read(ParseResult result)
    {
        var filter = new ArticleFilter { Query = result.GetValue(Search) ?? "" };
        filter.Outlets.AddRange(result.GetValue(Outlets) ?? []);
        if (result.GetValue(From) is { } from)
        {
            filter.StartTime = Timestamp.FromDateTimeOffset(from);
        }
        if (result.GetValue(To) is { } to)
        {
            filter.EndTime = Timestamp.FromDateTimeOffset(to);
        }
        if (result.GetValue(HasAnonymous) is { } hasAnonymous)
        {
            filter.HasAnonymous = hasAnonymous;
        }
        if (result.GetValue(MinAnonymousShare) is { } share)
        {
            filter.MinAnonymousShare = share;
        }
        return filter;
    }

    private static Option<DateTimeOffset?> TimeOption(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "time",
        CustomParser = result =>
        {
            var token = result.Tokens.Single().Value;
            if (DateTimeOffset.TryParse(token, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time))
            {
                return time;
            }
            result.AddError($"{name} must be a date or date and time such as 2021-04-07 or 2021-04-07T14:30:00Z, not '{token}'.");
            return null;
        },
    };
}
