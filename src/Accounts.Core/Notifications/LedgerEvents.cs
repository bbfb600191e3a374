using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Accounts.Core.Accounts;
using Accounts.Core.Deposits;
using Accounts.Core.Ledger;
using Accounts.Core.NubanAccounts;

namespace Accounts.Core.Notifications;

/// <summary>
/// The events a committed ledger entry means for its tenant: a deposit step (pending, settled, rejected, reversed),
/// an account's closure, and a dynamic NGN account's payment state change. Everything is read from the entry and the
/// account, so making the events again for the same entry gives the same ids and the same payloads.
/// </summary>
public static class LedgerEvents
{
    /// <summary>Whether <paramref name="entry"/> can mean any event (decided without the account).</summary>
    public static bool MayNotify(LedgerEntry entry) =>
        entry.Type == EntryType.Closure || DepositReferences.TryParse(entry.Reference, out _, out _);

    public static IReadOnlyList<NotificationEvent> For(Account account, LedgerEntry entry)
    {
        var events = new List<NotificationEvent>();
        if (entry.Type == EntryType.Closure)
        {
            events.Add(Make(account, entry, NotificationTypes.AccountClosed, "closed", AccountData(account, entry.Sequence)));
            return events;
        }

        if (!DepositReferences.TryParse(entry.Reference, out var reference, out var step))
        {
            return events;
        }

        var (type, data) = Deposit(account, entry, reference, step);
        if (type is not null)
        {
            events.Add(Make(account, entry, type, "deposit", data));
        }

        if (PaymentChange(account, entry) is { } payment)
        {
            events.Add(payment);
        }

        return events;
    }

    /// <summary>
    /// An account change outside the ledger (opened, expired): one event per account and change. Its sequence is that of
    /// the book's last entry when it happened (0 for a new account), so it sorts after the events it followed.
    /// </summary>
    public static NotificationEvent ForAccount(Account account, string type, long sequence, DateTimeOffset at)
    {
        var data = AccountData(account, sequence);
        data["currency"] = account.Currency;
        data["status"] = account.Status.ToString().ToUpperInvariant();
        if (account.ExpiresAt is { } expiresAt)
        {
            data["expires_at"] = expiresAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        return Build(account.TenantId, Id(account.TenantId, account.Id, type), type, account.Id, sequence, at, data);
    }

    public static string Id(string scope, string reference, string kind)
    {
        var text = $"{scope.Length}:{scope}|{reference.Length}:{reference}|{kind}";
        return "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    private static (string? Type, JsonObject Data) Deposit(Account account, LedgerEntry entry, string reference, string step)
    {
        var data = AccountData(account, entry.Sequence);
        data["entry_id"] = entry.Id;
        data["reference"] = reference;
        data["amount"] = entry.Amount.ToString();
        data["currency"] = entry.Currency.Code;
        data["balance_after"] = Money.Money.Format(entry.PostedAfter, entry.Currency);
        data["available_after"] = Money.Money.Format(entry.AvailableAfter, entry.Currency);
        var failed = entry.Status == EntryStatus.Failed;
        string? type;
        switch (step)
        {
            case "pending" or "settled" when failed:
                // A credit the account refused (closed, expired, limit): booked without money, the payer is owed a refund.
                type = NotificationTypes.DepositRejected;
                data["reason"] = entry.Description;
                data["refund_due"] = entry.Description.Contains("refund due", StringComparison.Ordinal);
                break;
            case "pending":
                type = NotificationTypes.DepositPending;
                break;
            case "settled":
                type = NotificationTypes.DepositSettled;
                break;
            case "rejected":
                // The provider rejected it: nothing reached the account, so there is nothing for us to refund.
                type = NotificationTypes.DepositRejected;
                data["reason"] = entry.Description;
                data["refund_due"] = false;
                break;
            case "reversed":
                type = NotificationTypes.DepositReversed;
                data["applied"] = !failed;
                if (failed)
                {
                    data["reason"] = entry.Description;
                }

                break;
            default:
                type = null;
                break;
        }

        return (type, data);
    }

    private static NotificationEvent? PaymentChange(Account account, LedgerEntry entry)
    {
        if (account is not { Kind: AccountKind.NubanDynamic, ExpectedAmountMinor: { } expected } || entry.Delta.Posted == 0)
        {
            return null;
        }

        var before = DynamicPayments.StatusFor(entry.PostedAfter - entry.Delta.Posted, expected);
        var after = DynamicPayments.StatusFor(entry.PostedAfter, expected);
        var type = after switch
        {
            _ when after == before => null,
            PaymentStatus.Paid => NotificationTypes.AccountPaid,
            PaymentStatus.PartiallyPaid => NotificationTypes.AccountPartiallyPaid,
            PaymentStatus.Overpaid => NotificationTypes.AccountOverpaid,
            _ => null,
        };
        if (type is null)
        {
            return null;
        }

        var data = AccountData(account, entry.Sequence);
        data["entry_id"] = entry.Id;
        data["payment_status"] = after switch
        {
            PaymentStatus.Paid => "PAID",
            PaymentStatus.PartiallyPaid => "PARTIALLY_PAID",
            _ => "OVERPAID",
        };
        data["expected_amount"] = Money.Money.Format(expected, entry.Currency);
        data["amount_paid"] = Money.Money.Format(entry.PostedAfter, entry.Currency);
        data["currency"] = entry.Currency.Code;
        return Make(account, entry, type, "payment", data);
    }

    private static NotificationEvent Make(Account account, LedgerEntry entry, string type, string kind, JsonObject data) =>
        Build(account.TenantId, Id(entry.BookId, entry.Reference, kind), type, account.Id, entry.Sequence, entry.CreatedAt, data);

    private static NotificationEvent Build(string tenantId, string id, string type, string accountId, long sequence, DateTimeOffset at,
        JsonObject data)
    {
        var payload = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["timestamp"] = at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
            ["data"] = data,
        };
        return new NotificationEvent(tenantId, id, type, accountId, sequence, at, payload.ToJsonString());
    }

    private static JsonObject AccountData(Account account, long sequence) => new()
    {
        ["account_id"] = account.Id,
        ["account_number"] = account.AccountNumber,
        ["dialect"] = Dialect(account.Kind),
        ["sequence"] = sequence,
    };

    private static string Dialect(AccountKind kind) => kind switch
    {
        AccountKind.Global => "zoqq",
        AccountKind.NubanStatic or AccountKind.NubanDynamic => "nuban",
        AccountKind.Internal => "internal",
        AccountKind.Entity => "vertex",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
