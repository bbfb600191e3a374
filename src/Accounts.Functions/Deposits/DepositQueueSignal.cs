namespace Accounts.Functions.Deposits;

/// <summary>Wakes the local worker when this process queues a deposit, so it need not wait for its next poll.</summary>
public sealed class DepositQueueSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another enqueue signalled at the same moment; one wake-up is enough.
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken ct) => _signal.WaitAsync(timeout, ct);
}
