using Accounts.Core.Deposits;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// The app's queue sender with a failure injected between the stored record and the queue: before the message is
/// sent (it never reaches the queue), or after (it does, but the caller is told it failed).
/// </summary>
public sealed class FlakySender(IDepositSender inner) : IDepositSender
{
    public enum Failure
    {
        None,
        BeforeSend,
        AfterSend,
    }

    private volatile Failure _mode;

    public Failure Mode
    {
        get => _mode;
        set => _mode = value;
    }

    public async Task SendAsync(string eventId, string message, CancellationToken ct)
    {
        var mode = Mode;
        if (mode == Failure.BeforeSend)
        {
            throw new IOException($"injected: the queue refused {eventId}");
        }

        await inner.SendAsync(eventId, message, ct);
        if (mode == Failure.AfterSend)
        {
            throw new IOException($"injected: the answer for {eventId} was lost after it was queued");
        }
    }
}
