using Accounts.Core.Idempotency;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Idempotency;

/// <summary>
/// Maps idempotency records to rows (PartitionKey "{tenant}|{scope}", RowKey = key). A string property holds at most
/// 64 KiB, so the stored response body is split over ResponseBody0..N (the whole row stays under 1 MiB).
/// </summary>
internal static class IdempotencyRows
{
    private const int ChunkLength = 30_000;

    /// <summary>Bodies longer than this would not fit in one row; the caller must not store them.</summary>
    public const int MaxResponseBodyLength = 15 * ChunkLength;

    public static string Partition(string tenantId, string scope) => KeyEncoder.Compose(tenantId, scope);

    public static string Row(string key) => KeyEncoder.Encode(key);

    public static TableEntity From(IdempotencyRecord record)
    {
        var row = new TableEntity(Partition(record.TenantId, record.Scope), Row(record.Key)).WithVersion(record.Version)
            .Set("TenantId", record.TenantId)
            .Set("Scope", record.Scope)
            .Set("Key", record.Key)
            .Set("RequestHash", record.RequestHash)
            .Set("OperationId", record.OperationId)
            .Set("StartedAt", record.StartedAt)
            .Set("StatusCode", record.StatusCode);
        if (record.ResponseBody is { } body)
        {
            if (body.Length > MaxResponseBodyLength)
            {
                throw new ArgumentException($"A response body of {body.Length} characters is too long to store", nameof(record));
            }

            var chunks = body.Chunk(ChunkLength).Select(c => new string(c)).ToList();
            row.Set("ResponseBodyChunks", chunks.Count);
            for (var i = 0; i < chunks.Count; i++)
            {
                row.Set($"ResponseBody{i}", chunks[i]);
            }
        }

        return row;
    }

    public static IdempotencyRecord To(TableEntity row)
    {
        var chunks = row.GetInt32OrNull("ResponseBodyChunks");
        var body = chunks is null
            ? null
            : string.Concat(Enumerable.Range(0, chunks.Value).Select(i => row.RequireString($"ResponseBody{i}")));
        return new IdempotencyRecord(
            row.RequireString("TenantId"),
            row.RequireString("Scope"),
            row.RequireString("Key"),
            row.RequireString("RequestHash"),
            row.RequireString("OperationId"),
            row.GetTime("StartedAt"),
            row.GetInt32OrNull("StatusCode"),
            body,
            row.Version());
    }
}
