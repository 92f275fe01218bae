using System.CommandLine;
using Grpc.Core;
using Grpc.Health.V1;
using Sourcing.Cli.Services;
using Sourcing.Cli.Output;
using Spectre.Console;

namespace Sourcing.Cli.Commands;

/// <summary><c>sourcing status</c>: asks each service's grpc.health.v1 service whether it is serving.</summary>
internal static class StatusCommand
{
    public static Command Create(GlobalOptions globals, CliIO io)
    {
        var command = new Command("status", "Show whether the ingest, analysis and query services are serving.");
        command.SetAction((result, cancellationToken) =>
            RunAsync([globals.Ingest(result), globals.Analysis(result), globals.Query(result)], io, cancellationToken));
        return command;
    }

    public static async Task<int> RunAsync(IReadOnlyList<ServiceTarget> targets, CliIO io, CancellationToken cancellationToken)
    {
        var checks = await Task.WhenAll(targets.Select(t => CheckAsync(t, cancellationToken)));

        var table = new Table().AddColumns("Service", "Endpoint", "Status", "Detail");
        foreach (var check in checks)
        {
            table.AddRow(
                new Text(check.Target.Name),
                new Text(check.Target.Endpoint),
                new Text(check.Status, check.Serving ? new Style(Color.Green) : new Style(Color.Red)),
                new Text(check.Detail));
        }
        io.Console.Write(table);

        if (checks.Any(c => c.Status == Unreachable))
        {
            await io.Error.WriteLineAsync($"some services are unreachable: {ServiceTarget.AppHostHint}");
        }
        return checks.All(c => c.Serving) ? ExitCodes.Success : ExitCodes.Failure;
    }

    private const string Unreachable = "unreachable";

    private static async Task<HealthResult> CheckAsync(ServiceTarget target, CancellationToken cancellationToken)
    {
        using var channel = target.CreateChannel();
        var client = new Health.HealthClient(channel);
        try
        {
            var response = await client.CheckAsync(
                new HealthCheckRequest { Service = "" },
                deadline: target.Deadline(),
                cancellationToken: cancellationToken);
            var serving = response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
            return new HealthResult(target, Labels.Of(response.Status), serving, "");
        }
        catch (RpcException e) when (RpcErrors.IsUnreachable(e, out var reason))
        {
            return new HealthResult(target, Unreachable, false, reason);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.DeadlineExceeded)
        {
            return new HealthResult(target, Unreachable, false, $"no answer within {target.TimeoutText}");
        }
        catch (RpcException e)
        {
            return new HealthResult(target, Labels.Of(e.StatusCode), false, e.Status.Detail);
        }
    }

    private sealed record HealthResult(ServiceTarget Target, string Status, bool Serving, string Detail);
}
