using Grpc.Core;
using Sourcing.Cli.Services;

namespace Sourcing.Cli.Commands;

/// <summary>Runs a query call and turns an RPC error into the command line's error lines and exit code.</summary>
internal static class QueryCalls
{
    public static async Task<int> RunAsync(ServiceTarget target, CliIO io, Func<Task> call)
    {
        try
        {
            await call();
            return ExitCodes.Success;
        }
        catch (RpcException e)
        {
            foreach (var line in RpcErrors.Describe(target, e))
            {
                await io.Error.WriteLineAsync(line.StartsWith(' ') ? line : $"error: {line}");
            }
            return ExitCodes.Failure;
        }
    }
}
