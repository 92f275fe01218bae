using System.Runtime.InteropServices;

namespace Sourcing.AppHost;

/// <summary>
/// SIGINT (Ctrl+C), SIGTERM and SIGHUP ask for a clean stop; a second signal while stopping exits at once,
/// and the kernel then kills the children (they were started with a parent-death signal).
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _requested = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly ConsoleLog _log;

    public ShutdownSignals(ConsoleLog log)
    {
        _log = log;
        _registrations = [Register(PosixSignal.SIGINT), Register(PosixSignal.SIGTERM), Register(PosixSignal.SIGHUP)];
    }

    /// <summary>Cancelled when a stop is requested.</summary>
    public CancellationToken Requested => _requested.Token;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _requested.Dispose();
    }

    private PosixSignalRegistration Register(PosixSignal signal) => PosixSignalRegistration.Create(signal, context =>
    {
        context.Cancel = true;
        if (_requested.IsCancellationRequested)
        {
            _log.Error($"{context.Signal} again: exiting now.");
            Environment.Exit(130);
        }

        _log.Info($"{context.Signal} received: stopping (press Ctrl+C again to exit at once).");
        _requested.Cancel();
    });
}
