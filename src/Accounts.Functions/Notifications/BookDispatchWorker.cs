using System.Threading.Channels;
using Accounts.Core.Ledger;
using Accounts.Core.Notifications;

namespace Accounts.Functions.Notifications;

/// <summary>
/// Runs the dispatches the ledger hands over after its commits, off the commit's path (a deposit never waits for its
/// notification). A dispatch that fails leaves its due row, which the sweeper dispatches again.
/// </summary>
public sealed class BookDispatchWorker(NotificationDispatcher dispatcher, INotificationStore store, ILogger<BookDispatchWorker> logger)
    : BackgroundService, IBookDispatch
{
    private const int Workers = 4;

    private readonly Channel<(DueItem.BookCommit Marker, IReadOnlyList<LedgerEntry> Entries)> _work =
        Channel.CreateUnbounded<(DueItem.BookCommit, IReadOnlyList<LedgerEntry>)>();

    public void Post(DueItem.BookCommit marker, IReadOnlyList<LedgerEntry> entries) => _work.Writer.TryWrite((marker, entries));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken ct)
    {
        await foreach (var (marker, entries) in _work.Reader.ReadAllAsync(ct))
        {
            try
            {
                if (entries.Count == 0)
                {
                    await store.RemoveDueAsync(marker, ct); // the commit did not land
                }
                else
                {
                    await dispatcher.DispatchAsync(marker, entries, ct);
                }
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Notifications of book {BookId} (entries {From}-{To}) were not dispatched; the sweeper retries",
                    marker.BookId, marker.FromSequence, marker.ToSequence);
            }
        }
    }
}
