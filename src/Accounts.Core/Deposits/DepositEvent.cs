using System.Security.Cryptography;
using System.Text;

namespace Accounts.Core.Deposits;

/// <summary>
/// A deposit event of a tenant's provider. One event per (tenant, reference, type): <see cref="EventId"/> is derived
/// from those three, so a redelivery of the same event has the same id. <see cref="ReceivedAt"/> is when our webhook
/// accepted it: the moment that decides whether an account (say, an expiring one) could still receive it, however
/// long the queue then took.
/// </summary>
public sealed record DepositEvent(
    string TenantId,
    DepositEventType Type,
    string Reference,
    string AccountNumber,
    Money.Money Amount,
    DepositSender? Sender,
    string? Narration,
    DateTimeOffset OccurredAt,
    DateTimeOffset ReceivedAt)
{
    /// <summary>
    /// The largest amount one deposit may carry, in minor units of its currency: 10^15, i.e. 10,000,000,000,000.00
    /// in a two-decimal currency. A tenth of <see cref="Ledger.LedgerLimits.MaxBalanceMinor"/>, so no single amount
    /// comes near what a balance can hold; the webhook refuses larger ones.
    /// </summary>
    public const long MaxAmountMinor = Ledger.LedgerLimits.MaxBalanceMinor / 10;

    public string EventId => IdOf(TenantId, Reference, Type);

    public static string IdOf(string tenantId, string reference, DepositEventType type)
    {
        var text = $"{tenantId.Length}:{tenantId}|{reference.Length}:{reference}|{type}";
        return "evt_" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }
}

/// <summary>The four events of a deposit's life, per provider reference.</summary>
public enum DepositEventType
{
    Pending,
    Settled,
    Rejected,
    Reversed,
}

/// <summary>Who sent the money, as the provider reports it.</summary>
public sealed record DepositSender(string? Name, string? AccountNumber, string? Bank);
