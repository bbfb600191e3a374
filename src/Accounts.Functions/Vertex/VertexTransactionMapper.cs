using Accounts.Core.Deposits;
using Accounts.Core.Kyc;
using Accounts.Core.Ledger;
using Accounts.Core.Money;

namespace Accounts.Functions.Vertex;

/// <summary>A ledger entry of an entity account as seed 004's transaction object (see the README for each field).</summary>
public static class VertexTransactionMapper
{
    /// <summary>Every entry is written by the service itself (deposits come through its pipeline), never by a person.</summary>
    public const string AddedBySystem = "system";

    public static VertexTransaction ToWire(EntityTransaction transaction, Entity entity)
    {
        var e = transaction.Entry;
        var isCredit = e.Direction == Direction.Credit;
        return new VertexTransaction(
            transaction.TxId,
            transaction.ParentTxId ?? string.Empty,
            VertexJson.Time(e.CreatedAt),
            e.Amount.ToString(),
            Transaction.ReferenceOf(e),
            Status(transaction.Status),
            e.Hash,
            entity.Id,
            AddedBySystem,
            System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(e.Type.ToString()),
            isCredit ? "credit" : "debit",
            Money.Format(e.FeeMinor, e.Currency),
            isCredit ? entity.Name : e.Counterparty ?? string.Empty,
            // credit and debit are what moved the running balance: nothing for a pending or failed deposit.
            Money.Format(Math.Max(e.Delta.Posted, 0), e.Currency),
            Money.Format(Math.Max(-e.Delta.Posted, 0), e.Currency),
            Money.Format(e.PostedAfter, e.Currency),
            transaction.Verified);
    }

    /// <summary>Seed 004's status names. "Invalid" is never produced: a refused deposit is a Failed entry that moves no money.</summary>
    public static string Status(EntryStatus status) => status switch
    {
        EntryStatus.Pending => "Pending",
        EntryStatus.Settled => "Successful",
        EntryStatus.Failed => "Failed",
        EntryStatus.Reversed => "Reversed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
