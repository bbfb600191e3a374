using Accounts.Core.Ledger;
using Accounts.Core.Notifications;
using Accounts.Functions.Tests.Deposits;
using Accounts.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Accounts.Functions.Tests.Notifications;

/// <summary>
/// The commit's due row is what makes its events: a process that commits and then never dispatches (it died) leaves
/// the row, and the sweeper makes and delivers the events from the book; the event id is the same a dispatch would make.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NotificationRecoveryTests(AppFixture app)
{
    [Fact]
    public async Task A_commit_whose_dispatch_never_ran_is_notified_by_the_sweeper_from_the_book()
    {
        await using var session = await NotificationSession.StartAsync(app.StorageConnectionString,
            services => services.Replace(ServiceDescriptor.Singleton<IBookDispatch, LostDispatch>()), NotificationSession.AllTypes);
        var account = await ZoqqAccount.OpenAsync(session.Client, session.Tenant);
        var store = session.Factory.Services.GetRequiredService<INotificationStore>();
        var created = Assert.Single(await session.Receiver.WaitForAsync("account.created")); // swept too: its dispatch was lost as well
        Assert.Equal(account.Id, created.Json.GetProperty("data").GetProperty("account_id").GetString());

        await session.DepositAsync(account, "settled", "ntf-lost", "9.99");
        var processed = Assert.Single(await DepositWebhook.WaitProcessedAsync(session.Client, session.Tenant, "ntf-lost"));
        var due = await store.DueAsync(DateTimeOffset.UtcNow.AddDays(1), 1000, CancellationToken.None);
        Assert.Contains(due, d => d is DueItem.BookCommit b && b.TenantId == session.Tenant.Id);

        var received = Assert.Single(await session.Receiver.WaitForAsync("deposit.settled"));
        Assert.Equal(processed.GetProperty("entry_id").GetString(), received.Json.GetProperty("data").GetProperty("entry_id").GetString());
        var entry = await PipelineEntryAsync(session, processed.GetProperty("entry_id").GetString()!);
        Assert.Equal(LedgerEvents.Id(entry.BookId, entry.Reference, "deposit"), received.WebhookId);
        await Eventually.ValueAsync(() => store.DueAsync(DateTimeOffset.UtcNow.AddDays(1), 1000, CancellationToken.None),
            rows => !rows.Any(r => r is DueItem.BookCommit b && b.TenantId == session.Tenant.Id), "the commit's due row was removed");
    }

    private static async Task<LedgerEntry> PipelineEntryAsync(NotificationSession session, string entryId)
    {
        var accounts = session.Factory.Services.GetRequiredService<Core.Accounts.IAccountStore>();
        var account = (await accounts.ListByTenantAsync(session.Tenant.Id, null, CancellationToken.None)).Single();
        var entries = await session.Factory.Services.GetRequiredService<LedgerService>()
            .QueryEntriesAsync(account.BookId, new EntryQuery(Take: 100), CancellationToken.None);
        return entries.Single(e => e.Id == entryId);
    }

    /// <summary>As if the process died right after the commit: the in-process dispatch never happens.</summary>
    private sealed class LostDispatch : IBookDispatch
    {
        public void Post(DueItem.BookCommit marker, IReadOnlyList<LedgerEntry> entries)
        {
        }

        public void Post(DueItem.AccountChange change)
        {
        }
    }
}
