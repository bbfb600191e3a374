using Accounts.Core.Accounts;
using Accounts.Storage.Tables;
using Microsoft.Azure.Cosmos.Table;
using Newtonsoft.Json;

namespace Accounts.Storage.Accounts;

/// <summary>Maps accounts to rows of the Accounts table (PartitionKey = tenant, RowKey = account id).</summary>
internal static class AccountRows
{
    public static string Partition(string tenantId) => KeyEncoder.Encode(tenantId);

    public static string Row(string accountId) => KeyEncoder.Encode(accountId);

    public static DynamicTableEntity From(Account account) =>
        new DynamicTableEntity(Partition(account.TenantId), Row(account.Id)) { ETag = account.Version }
            .Set("Id", account.Id)
            .Set("TenantId", account.TenantId)
            .Set("Kind", account.Kind.ToString())
            .Set("HolderId", account.HolderId)
            .Set("AccountNumber", account.AccountNumber)
            .Set("InstitutionCode", account.InstitutionCode)
            .Set("Currency", account.Currency)
            .Set("Country", account.Country)
            .Set("Type", account.Type)
            .Set("Status", account.Status.ToString())
            .Set("BookId", account.BookId)
            .Set("Label", account.Label)
            .Set("ExternalId", account.ExternalId)
            .Set("ParentId", account.ParentId)
            .Set("ExpiresAt", account.ExpiresAt)
            .Set("ExpectedAmountMinor", account.ExpectedAmountMinor)
            .Set("CreatedAt", account.CreatedAt)
            .Set("UpdatedAt", account.UpdatedAt)
            .Set("Attributes", JsonConvert.SerializeObject(account.Attributes));

    public static Account To(DynamicTableEntity row) => new()
    {
        Id = row.GetString("Id"),
        TenantId = row.GetString("TenantId"),
        Kind = row.GetEnum<AccountKind>("Kind"),
        HolderId = row.GetString("HolderId"),
        AccountNumber = row.GetString("AccountNumber"),
        InstitutionCode = row.GetString("InstitutionCode"),
        Currency = row.GetString("Currency"),
        Country = row.GetString("Country"),
        Type = row.GetString("Type"),
        Status = row.GetEnum<AccountStatus>("Status"),
        BookId = row.GetString("BookId"),
        Label = row.GetStringOrNull("Label"),
        ExternalId = row.GetStringOrNull("ExternalId"),
        ParentId = row.GetStringOrNull("ParentId"),
        ExpiresAt = row.GetTimeOrNull("ExpiresAt"),
        ExpectedAmountMinor = row.GetInt64OrNull("ExpectedAmountMinor"),
        CreatedAt = row.GetTime("CreatedAt"),
        UpdatedAt = row.GetTime("UpdatedAt"),
        Attributes = JsonConvert.DeserializeObject<Dictionary<string, string>>(row.GetString("Attributes"))
            ?? throw new InvalidDataException($"Account row {row.PartitionKey}/{row.RowKey} has null Attributes"),
        Version = row.ETag,
    };
}
