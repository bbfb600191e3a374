using System.Threading.Channels;
using Accounts.Core.Ledger;
using Accounts.Core.Notifications;

namespace Accounts.Functions.Notifications;

/// <summary>
/// Runs the dispatches the ledger hands over after its commits, off the commit's path (a deposit never waits for its
/// notification). A dispatch that fails leaves its due row, which the sweeper dispatches again.
/// </summary>
public sealed class BookDispatchWorker(IServiceProvider services, INotificationStore store, ILogger<BookDispatchWorker> logger)
    : BackgroundService, IBookDispatch
{
    // Resolved on first use: the dispatcher reads accounts through the store that posts here (a cycle at construction).
    private NotificationDispatcher Dispatcher => field ??= services.GetRequiredService<NotificationDispatcher>();

    private const int Workers = 4;

    private readonly Channel<(DueItem Item, IReadOnlyList<LedgerEntry> Entries)> _work =
        Channel.CreateUnbounded<(DueItem, IReadOnlyList<LedgerEntry>)>();

    public void Post(DueItem.BookCommit marker, IReadOnlyList<LedgerEntry> entries) => _work.Writer.TryWrite((marker, entries));

    public void Post(DueItem.AccountChange change) => _work.Writer.TryWrite((change, []));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => RunAsync(stoppingToken)));

    private async Task RunAsync(CancellationToken ct)
    {
        await foreach (var (item, entries) in _work.Reader.ReadAllAsync(ct))
        {
            try
            {
                var work = item switch
                {
                    DueItem.AccountChange change => Dispatcher.DispatchAccountAsync(change, ct),
                    DueItem.BookCommit marker when entries.Count > 0 => Dispatcher.DispatchAsync(marker, entries, ct),
                    _ => RemoveAsync(item, ct), // the commit did not land
                };
                await work;
            }
            catch (Exception ex) when (!ct.IsCancellationRequested)
            {
                logger.LogError(ex, "Notifications of {Item} were not dispatched; the sweeper retries", item);
            }
        }
    }

    private async Task<int> RemoveAsync(DueItem item, CancellationToken ct)
    {
        await store.RemoveDueAsync(item, ct);
        return 0;
    }
}
