using System.Collections.Concurrent;
using System.Threading.Channels;
using Npgsql;

namespace Sourcing.Query.Watch;

/// <summary>
/// One LISTEN connection per service instance on the channel analysis notifies when it commits an analysis;
/// every notification wakes every open watch, which then reads what is new after its own cursor. A lost
/// connection is re-opened and wakes every watch, so nothing committed meanwhile is missed. It goes to the primary
/// when reads prefer a standby (<see cref="WatchDataSource"/>).
/// </summary>
public sealed partial class AnalysisNotifications(WatchDataSource database, ILogger<AnalysisNotifications> logger) : BackgroundService
{
    /// <summary>The channel; AnalysisStore in Sourcing.Analysis notifies it with the article id, inside its transaction.</summary>
    public const string Channel = "sourcing_analyses";

    private readonly ConcurrentDictionary<Channel<bool>, byte> _subscribers = new();

    /// <summary>A wake-up signal for one watch; dispose it when the watch ends.</summary>
    public Subscription Subscribe()
    {
        var signal = System.Threading.Channels.Channel.CreateBounded<bool>(
            new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        _subscribers[signal] = 0;
        return new Subscription(signal.Reader, () => _subscribers.TryRemove(signal, out _));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.Source.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, _) => WakeAll();
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                WakeAll();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
            {
                LogListenFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private void WakeAll()
    {
        foreach (var signal in _subscribers.Keys)
        {
            signal.Writer.TryWrite(true);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for analysis notifications failed; retrying")]
    private partial void LogListenFailed(Exception exception);

    /// <summary>Wakes when an analysis was committed (or may have been, after a reconnect).</summary>
    public sealed class Subscription(ChannelReader<bool> reader, Action unsubscribe) : IDisposable
    {
        /// <summary>Waits for a wake-up or the timeout, whichever comes first.</summary>
        public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timer.CancelAfter(timeout);
            try
            {
                await reader.ReadAsync(timer.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The poll interval passed: look anyway.
            }
        }

        public void Dispose() => unsubscribe();
    }
}
