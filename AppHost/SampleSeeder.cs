using Grpc.Net.Client;
using Sourcing.Contracts.V1;

namespace Sourcing.AppHost;

/// <summary>
/// <c>--seed</c>: once everything is healthy, ingests the project's sample articles (samples/*.txt: first line
/// the title, the rest the body). Each file's request id is its name, so seeding again answers with the first
/// responses instead of storing copies.
/// </summary>
public static class SampleSeeder
{
    public static IReadOnlyList<IngestArticleRequest> ReadSamples(string repositoryRoot) =>
        [.. Directory.GetFiles(Path.Combine(repositoryRoot, "samples"), "*.txt").Order(StringComparer.Ordinal).Select(ToRequest)];

    public static IngestArticleRequest ToRequest(string file)
    {
        var lines = File.ReadAllText(file).ReplaceLineEndings("\n").Split('\n');
        return new IngestArticleRequest
        {
            RequestId = $"sample:{Path.GetFileName(file)}",
            Title = lines[0].Trim(),
            Body = string.Join('\n', lines.Skip(1)),
            ContentType = ContentType.Text,
            Outlet = "Sourcing samples",
        };
    }

    public static async Task SeedAsync(string repositoryRoot, string ingestUrl, ConsoleLog log, CancellationToken cancellationToken)
    {
        using var channel = GrpcChannel.ForAddress(ingestUrl);
        var client = new IngestService.IngestServiceClient(channel);
        foreach (var request in ReadSamples(repositoryRoot))
        {
            var response = await client.IngestArticleAsync(request, deadline: DateTime.UtcNow.AddSeconds(30), cancellationToken: cancellationToken);
            log.Info($"Seeded {request.RequestId["sample:".Length..]}: {response.Outcome} {response.ArticleId}");
        }
    }
}
