using System.Reflection;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Sourcing.LocalPostgres;
using Sourcing.LocalPostgres.Processes;

namespace Sourcing.AppHost.Tests.Functional;

/// <summary>
/// The AppHost as a developer runs it, launched from its build output on free ports with its own data folder,
/// so that it never clashes with a developer's running AppHost.
/// </summary>
internal sealed class AppHostProcess : IAsyncDisposable
{
    private static readonly string Configuration =
        typeof(AppHostProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    // The table printed on each state change makes start-up a few hundred lines long.
    private const int KeptLines = 3000;

    private readonly ChildProcess _process;

    private AppHostProcess(ChildProcess process, string dataDirectory, IReadOnlyList<int> grpcPorts, int dashboardPort)
    {
        _process = process;
        DashboardUrl = $"http://127.0.0.1:{dashboardPort}";
        DataDirectory = dataDirectory;
        GrpcPorts = grpcPorts;
    }

    public string DataDirectory { get; }

    /// <summary>The dashboard page, on a free port so that a developer's AppHost (on 18888) never clashes.</summary>
    public string DashboardUrl { get; }

    public IReadOnlyList<int> GrpcPorts { get; }

    public int Id => _process.Id;

    public Task<int> Exited => _process.Exited;

    public string Output => _process.TailText(300);

    /// <summary>Everything the AppHost wrote (up to the last few thousand lines).</summary>
    public IReadOnlyList<string> OutputLines => _process.TailLines(KeptLines);

    /// <summary>Where the AppHost writes each resource's log file.</summary>
    public string LogDirectory => Path.Combine(Path.GetDirectoryName(DataDirectory)!, "logs");

    /// <summary>
    /// Starts an AppHost; <paramref name="dataDirectory"/> null means a new folder under a temporary one, and
    /// <paramref name="connectionString"/> names an existing server instead of a local one; <paramref name="arguments"/>
    /// and <paramref name="environment"/> are added to the AppHost's own.
    /// </summary>
    public static AppHostProcess Start(
        string? dataDirectory = null, int? ingestPort = null, string? connectionString = null,
        IEnumerable<string>? arguments = null, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var root = RepositoryRoot.Find();
        var dll = Path.Combine(root, "AppHost", "bin", Configuration, "net10.0", "Sourcing.AppHost.dll");
        dataDirectory ??= NewDataDirectory();
        int[] ports = [ingestPort ?? FreePort.Find(), FreePort.Find(), FreePort.Find()];
        var dashboardPort = FreePort.Find();
        var process = ChildProcess.Start(
            new ChildProcessStartInfo
            {
                FileName = Environment.ProcessPath!,
                Arguments =
                [
                    dll,
                    "--ingest-port", ports[0].ToString(), "--analysis-port", ports[1].ToString(), "--query-port", ports[2].ToString(),
                    "--ingest-health-port", FreePort.Find().ToString(), "--analysis-health-port", FreePort.Find().ToString(),
                    "--query-health-port", FreePort.Find().ToString(),
                    "--otlp-port", FreePort.Find().ToString(), "--dashboard-port", dashboardPort.ToString(),
                    "--data-dir", dataDirectory, .. arguments ?? [],
                ],
                // The AppHost's own receiver, not whatever collector the test runner's environment names.
                Environment = new Dictionary<string, string?>(environment ?? new Dictionary<string, string?>())
                {
                    ["ConnectionStrings__sourcing"] = connectionString, ["NO_COLOR"] = "1", ["OTEL_EXPORTER_OTLP_ENDPOINT"] = null,
                },
                TailLineCount = KeptLines,
            });
        return new AppHostProcess(process, dataDirectory, ports, dashboardPort);
    }

    /// <summary>A data folder the postgres OS user can reach (the system temp folder, not a private one).</summary>
    public static string NewDataDirectory()
    {
        var parent = Path.Combine(Path.GetTempPath(), "sourcing-apphost-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(parent);
        return Path.Combine(parent, "postgres");
    }

    /// <summary>
    /// Waits until all three services answer SERVING on grpc.health.v1 and the AppHost reports them healthy, or fails
    /// with the AppHost's output.
    /// </summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        foreach (var port in GrpcPorts)
        {
            using var channel = GrpcChannel.ForAddress($"http://127.0.0.1:{port}");
            var client = new Health.HealthClient(channel);
            while (true)
            {
                _process.HasExited.ShouldBeFalse($"The AppHost exited before it was healthy:\n{Output}");
                DateTime.UtcNow.ShouldBeLessThan(deadline, $"Not healthy within {timeout}:\n{Output}");
                try
                {
                    var response = await client.CheckAsync(new HealthCheckRequest(), deadline: DateTime.UtcNow.AddSeconds(2));
                    if (response.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                    {
                        break;
                    }
                }
                catch (Grpc.Core.RpcException)
                {
                    // Not listening yet.
                }

                await Task.Delay(250);
            }
        }

        // The services answer before the AppHost has seen it and said so; wait for that too.
        await WaitForLineAsync(line => line.Contains("Sourcing is healthy", StringComparison.Ordinal), deadline - DateTime.UtcNow, "the AppHost saying it is healthy");
    }

    /// <summary>A resource's gRPC address as the AppHost announced it once healthy (<c>ingest-2 http://127.0.0.1:...</c>).</summary>
    public string GrpcUrlOf(string resource) =>
        System.Text.RegularExpressions.Regex.Match(HealthyLine() ?? string.Empty, $@"\b{resource} (http://[0-9.]+:[0-9]+)") is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"The AppHost did not announce {resource}:\n{Output}");

    /// <summary>Waits for a line of output that satisfies <paramref name="match"/>, or fails with the AppHost's output.</summary>
    public async Task WaitForLineAsync(Func<string, bool> match, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!OutputLines.Any(match))
        {
            _process.HasExited.ShouldBeFalse($"The AppHost exited before {what}:\n{Output}");
            DateTime.UtcNow.ShouldBeLessThan(deadline, $"No {what} within {timeout}:\n{Output}");
            await Task.Delay(100);
        }
    }

    public bool Signal(ProcessSignal signal) => _process.Signal(signal);

    public void KillAppHostOnly() => NativeKill(_process.Id);

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await _process.StopAsync(ProcessSignal.Interrupt, TimeSpan.FromSeconds(30));
        }

        _process.Dispose();
        var parent = Path.GetDirectoryName(DataDirectory)!;
        if (Path.GetFileName(parent).StartsWith("sourcing-apphost-test-", StringComparison.Ordinal) && Directory.Exists(parent))
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    private string? HealthyLine() => OutputLines.LastOrDefault(line => line.Contains("Sourcing is healthy", StringComparison.Ordinal));

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int signal);

    private static void NativeKill(int pid) => Kill(pid, 9);
}
