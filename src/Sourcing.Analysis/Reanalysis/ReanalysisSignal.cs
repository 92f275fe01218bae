namespace Sourcing.Analysis.Reanalysis;

/// <summary>Wakes this replica's reanalysis worker when a job is created here, instead of waiting for its next poll.</summary>
public sealed class ReanalysisSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: one wake-up covers any number of new jobs.
        }
    }

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
