using System.Net.Security;
using Grpc.Core;
using Grpc.Net.Client;
using Sourcing.Analysis;
using Sourcing.Analysis.Data;
using Sourcing.Contracts.Security;
using Sourcing.Contracts.V1;
using Sourcing.Ingest;
using Sourcing.Ingest.Data;
using Sourcing.LocalPostgres;
using Sourcing.Testing;

namespace Sourcing.Security.Tests.Functional;

/// <summary>Analysis serving gRPC over TLS with a certificate made for the test; ingest's dispatcher calls it over https.</summary>
public sealed class TlsTests(PostgresDatabaseFixture database) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private static readonly AnalyzeRequest Sample = new() { Text = "\"The ferry will run,\" Mayor Ada Brandt said." };
    private readonly SelfSignedCertificate _certificate = new();
    private readonly int _port = FreePort.Find();
    private ServiceHost _analysis = null!;
    private ServiceHost _ingest = null!;

    public async Task InitializeAsync()
    {
        await ServiceHost.MigrateAsync<IngestDbContext>(IngestApp.Build, database.ConnectionString);
        await ServiceHost.MigrateAsync<AnalysisDbContext>(AnalysisApp.Build, database.ConnectionString);
        var analysisSettings = TestKey.AuthSettings();
        foreach (var (key, value) in _certificate.HttpsEndpoint(_port))
        {
            analysisSettings[key] = value;
        }
        _analysis = await ServiceHost.StartAsync(AnalysisApp.Build, database.ConnectionString, analysisSettings, _port);
        _ingest = await ServiceHost.StartAsync(IngestApp.Build, database.ConnectionString, new Dictionary<string, string?>
        {
            ["services:analysis:https:0"] = $"https://127.0.0.1:{_port}",
            ["Analysis:ServiceKey"] = TestKey.Service.Key,
            ["Analysis:CaFile"] = _certificate.CertificatePath,
            ["Outbox:PollInterval"] = "00:00:00.200",
        });
    }

    public async Task DisposeAsync()
    {
        await Eventually.Until(() => Sql.ScalarAsync<long>(database.ConnectionString, "SELECT count(*) FROM ingest.outbox"),
            n => n == 0, TimeSpan.FromSeconds(60), "an empty outbox");
        await _ingest.DisposeAsync();
        await _analysis.DisposeAsync();
        _certificate.Dispose();
    }

    [Fact]
    public async Task Analyze_HttpsWithTheCaTrusted_Answers()
    {
        using var channel = Channel($"https://127.0.0.1:{_port}", TrustedCertificateAuthority.FromPemFile(_certificate.CertificatePath));

        var response = await new AnalysisService.AnalysisServiceClient(channel).AnalyzeAsync(Sample, TestKey.Service.Headers, SecuredSystem.Deadline());

        response.Attributions.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task Analyze_HttpsWithoutTheCa_FailsOnTheCertificate()
    {
        using var channel = Channel($"https://127.0.0.1:{_port}", trust: null);

        var error = await SecuredSystem.RefusedAsync(() =>
            new AnalysisService.AnalysisServiceClient(channel).AnalyzeAsync(Sample, TestKey.Service.Headers, SecuredSystem.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBe(StatusCode.Internal);
        error.Status.DebugException!.ToString().ShouldContain("The SSL connection could not be established");
    }

    // Which status the client reports depends on how far its HTTP/2 preface got before the TLS endpoint hung up: a
    // handshake that never completed is UNAVAILABLE, bytes that arrived and were not HTTP/2 frames are INTERNAL. Either
    // way the failure is the client's transport, never a status sent by the service.
    [Fact]
    public async Task Analyze_PlainHttpToTheHttpsEndpoint_RefusedByTheTransport()
    {
        using var channel = Channel($"http://127.0.0.1:{_port}", trust: null);

        var error = await SecuredSystem.RefusedAsync(() =>
            new AnalysisService.AnalysisServiceClient(channel).AnalyzeAsync(Sample, TestKey.Service.Headers, SecuredSystem.Deadline()).ResponseAsync);

        error.StatusCode.ShouldBeOneOf(StatusCode.Unavailable, StatusCode.Internal);
        (error.Status.DebugException is HttpRequestException or IOException).ShouldBeTrue(error.Status.DebugException?.ToString());
    }

    [Fact]
    public async Task Dispatcher_AnalysisOverHttpsWithServiceKey_ArticleAnalyzed()
    {
        var ingest = new IngestService.IngestServiceClient(_ingest.Channel);
        var ingested = await ingest.IngestArticleAsync(SecuredSystem.NewArticle(70), deadline: SecuredSystem.Deadline());

        var state = await Eventually.Until(
            async () => (await ingest.GetIngestStatusAsync(new GetIngestStatusRequest { ArticleIds = { ingested.ArticleId } },
                deadline: SecuredSystem.Deadline())).Statuses.Single().State,
            s => s is ArticleState.Analyzed or ArticleState.Failed, TimeSpan.FromSeconds(60), "the article's analysis");

        state.ShouldBe(ArticleState.Analyzed);
    }

    private static GrpcChannel Channel(string address, RemoteCertificateValidationCallback? trust) =>
        GrpcChannel.ForAddress(address, new GrpcChannelOptions
        {
            HttpHandler = new SocketsHttpHandler { SslOptions = { RemoteCertificateValidationCallback = trust } },
            DisposeHttpClient = true,
        });
}
