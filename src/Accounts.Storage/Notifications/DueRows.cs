using Accounts.Core.Notifications;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Notifications;

/// <summary>
/// Table NotificationDue, one partition: rows live only while their work is unfinished, so the sweeper's query
/// ("DueAt le now") reads work in flight, never the notification history.
/// </summary>
internal static class DueRows
{
    public const string Partition = "due";

    public static string Key(DueItem item) => item switch
    {
        DueItem.BookCommit b => $"book|{KeyEncoder.Encode(b.BookId)}|{b.FromSequence:D12}|{b.Nonce}",
        DueItem.PendingDelivery d => $"dlv|{KeyEncoder.Encode(d.Key.TenantId)}|{d.Key.EventId}|{d.Key.EndpointId}",
        DueItem.AccountChange a => $"acct|{KeyEncoder.Encode(a.TenantId)}|{KeyEncoder.Encode(a.AccountId)}|{a.Type}",
        _ => throw new ArgumentOutOfRangeException(nameof(item), item, "unknown due item"),
    };

    public static TableEntity From(DueItem item)
    {
        var row = new TableEntity(Partition, Key(item)).Set("DueAt", item.DueAt);
        return item switch
        {
            DueItem.BookCommit b => row.Set("Kind", "book").Set("TenantId", b.TenantId).Set("BookId", b.BookId)
                .Set("FromSequence", b.FromSequence).Set("ToSequence", b.ToSequence).Set("FromTime", b.FromTime).Set("ToTime", b.ToTime)
                .Set("Nonce", b.Nonce),
            DueItem.PendingDelivery d => row.Set("Kind", "delivery").Set("TenantId", d.Key.TenantId).Set("EventId", d.Key.EventId)
                .Set("EndpointId", d.Key.EndpointId),
            DueItem.AccountChange a => row.Set("Kind", "account").Set("TenantId", a.TenantId).Set("AccountId", a.AccountId).Set("Type", a.Type),
            _ => throw new ArgumentOutOfRangeException(nameof(item), item, "unknown due item"),
        };
    }

    public static DueItem To(TableEntity row)
    {
        DueItem item = row.RequireString("Kind") switch
        {
            "book" => new DueItem.BookCommit(row.RequireString("TenantId"), row.RequireString("BookId"), row.RequireInt64("FromSequence"),
                row.RequireInt64("ToSequence"), row.GetTime("FromTime"), row.GetTime("ToTime"), row.RequireString("Nonce"), row.GetTime("DueAt")),
            "delivery" => new DueItem.PendingDelivery(
                new DeliveryKey(row.RequireString("TenantId"), row.RequireString("EventId"), row.RequireString("EndpointId")), row.GetTime("DueAt")),
            "account" => new DueItem.AccountChange(row.RequireString("TenantId"), row.RequireString("AccountId"), row.RequireString("Type"),
                row.GetTime("DueAt")),
            var kind => throw new InvalidDataException($"Row {row.PartitionKey}/{row.RowKey} has an unknown Kind '{kind}'"),
        };
        return item with { Version = row.Version() };
    }
}
