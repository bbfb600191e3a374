using Accounts.Core.Deposits;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Deposits;

/// <summary>
/// Deposit records: PartitionKey = tenant, RowKey = "{reference}|{lifecycle step}" so one reference's events sort
/// together and in lifecycle order.
/// </summary>
internal static class DepositRows
{
    public static string Partition(string tenantId) => KeyEncoder.Encode(tenantId);

    public static string Row(string reference, DepositEventType type) => KeyEncoder.Compose(reference, ((int)type).ToString());

    /// <summary>Row keys of every event of a reference lie in [prefix, prefix + "~").</summary>
    public static string ReferencePrefix(string reference) => KeyEncoder.Encode(reference) + "|";

    public static TableEntity From(DepositRecord record) =>
        new TableEntity(Partition(record.TenantId), Row(record.Reference, record.Type)).WithVersion(record.Version)
            .Set("TenantId", record.TenantId)
            .Set("EventId", record.EventId)
            .Set("Type", record.Type.ToString())
            .Set("Reference", record.Reference)
            .Set("AccountNumber", record.AccountNumber)
            .Set("Amount", record.Amount)
            .Set("Currency", record.Currency)
            .Set("Message", record.Message)
            .Set("MessageHash", record.MessageHash)
            .Set("ReceivedAt", record.ReceivedAt)
            .Set("Status", record.Status.ToString())
            .Set("Reason", record.Reason)
            .Set("Attempts", record.Attempts)
            .Set("ProcessedAt", record.ProcessedAt)
            .Set("AccountId", record.AccountId)
            .Set("EntryId", record.EntryId);

    /// <summary>
    /// The outcome properties of <paramref name="record"/>, for a merge into its stored row. A merge cannot remove a
    /// property, so an outcome without a reason, account or entry writes an empty string, which reads as none.
    /// </summary>
    public static TableEntity Outcome(DepositRecord record) =>
        new TableEntity(Partition(record.TenantId), Row(record.Reference, record.Type))
            .Set("Status", record.Status.ToString())
            .Set("Reason", record.Reason ?? string.Empty)
            .Set("Attempts", record.Attempts)
            .Set("ProcessedAt", record.ProcessedAt)
            .Set("AccountId", record.AccountId ?? string.Empty)
            .Set("EntryId", record.EntryId ?? string.Empty);

    public static DepositRecord To(TableEntity row) => new(
        row.RequireString("TenantId"),
        row.RequireString("EventId"),
        row.GetEnum<DepositEventType>("Type"),
        row.RequireString("Reference"),
        row.RequireString("AccountNumber"),
        row.RequireString("Amount"),
        row.RequireString("Currency"),
        row.RequireString("Message"),
        row.RequireString("MessageHash"),
        row.GetTime("ReceivedAt"),
        row.GetEnum<DepositStatus>("Status"),
        NoneIfEmpty(row.GetStringOrNull("Reason")),
        row.GetInt32OrNull("Attempts") ?? 0,
        row.GetTimeOrNull("ProcessedAt"),
        NoneIfEmpty(row.GetStringOrNull("AccountId")),
        NoneIfEmpty(row.GetStringOrNull("EntryId")),
        row.Version());

    private static string? NoneIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
