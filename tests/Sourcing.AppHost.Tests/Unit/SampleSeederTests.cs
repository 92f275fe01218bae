namespace Sourcing.AppHost.Tests.Unit;

public sealed class SampleSeederTests
{
    [Fact]
    public void ReadSamples_RepositorySamples_OneRequestPerFileWithTitleBodyAndStableRequestId()
    {
        var root = RepositoryRoot.Find();
        var files = Directory.GetFiles(Path.Combine(root, "samples"), "*.txt");

        var requests = SampleSeeder.ReadSamples(root);

        requests.Count.ShouldBe(files.Length);
        requests.Count.ShouldBeGreaterThan(0);
        foreach (var request in requests)
        {
            var file = Path.Combine(root, "samples", request.RequestId["sample:".Length..]);
            File.ReadLines(file).First().Trim().ShouldBe(request.Title);
            request.Body.ShouldNotStartWith(request.Title);
            request.Body.Trim().ShouldNotBeEmpty();
        }
        SampleSeeder.ReadSamples(root).Select(r => r.RequestId).ShouldBe(requests.Select(r => r.RequestId));
    }
}
