using Accounts.Core.Accounts;
using Accounts.Core.Ledger;
using Accounts.Core.Tenancy;
using Microsoft.Extensions.DependencyInjection;

namespace Accounts.Functions.Tests.Deposits;

/// <summary>
/// Puts money into accounts the only way production does: a signed deposit event to POST /webhooks/deposits,
/// processed by the queue worker, so a test's balances go through intake, DepositProcessor and DepositService.
/// </summary>
public static class PipelineDeposits
{
    /// <summary>
    /// Sends a "deposit.{type}" event for <paramref name="account"/> in its currency, waits until it is processed,
    /// requires it APPLIED and returns the ledger entry it booked.
    /// </summary>
    public static async Task<LedgerEntry> ApplyAsync(IServiceProvider services, HttpClient client, TenantRegistration tenant,
        Account account, string type, string reference, string amount, string? narration = null)
    {
        var processed = await SendAsync(client, tenant, account, type, reference, amount, narration);
        Assert.True(processed.GetProperty("status").GetString() == "APPLIED", $"deposit {reference} was not applied: {processed}");
        var entryId = processed.GetProperty("entry_id").GetString();
        var entries = await services.GetRequiredService<LedgerService>().QueryEntriesAsync(account.BookId,
            new EntryQuery(Take: 1000, AccountId: account.Id), CancellationToken.None);
        return Assert.Single(entries, e => e.Id == entryId);
    }

    /// <summary>The outcome of a deposit event the pipeline processed but may have refused (status and reason).</summary>
    public static async Task<System.Text.Json.JsonElement> SendAsync(HttpClient client, TenantRegistration tenant, Account account,
        string type, string reference, string amount, string? narration = null)
    {
        var (status, body) = await DepositWebhook.SendAsync(client, tenant,
            DepositWebhook.Event(type, reference, account.AccountNumber, amount, account.Currency, narration));
        Assert.True(status == 202, $"deposit {reference} was not accepted: {status} {body}");
        var recorded = await DepositWebhook.WaitProcessedAsync(client, tenant, reference);
        return Assert.Single(recorded, e => e.GetProperty("event").GetString() == "deposit." + type);
    }

    /// <summary>Reads an account as stored, for its number, currency and book.</summary>
    public static async Task<Account> AccountAsync(IServiceProvider services, string tenantId, string accountId) =>
        await services.GetRequiredService<IAccountStore>().GetAsync(tenantId, accountId, CancellationToken.None)
        ?? throw new InvalidOperationException($"account {accountId} is not stored");
}
