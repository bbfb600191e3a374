using Accounts.Core.Accounts;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Accounts;

/// <summary>Maps accounts to rows of the Accounts table (PartitionKey = tenant, RowKey = account id).</summary>
internal static class AccountRows
{
    public static string Partition(string tenantId) => KeyEncoder.Encode(tenantId);

    public static string Row(string accountId) => KeyEncoder.Encode(accountId);

    public static TableEntity From(Account account) =>
        new TableEntity(Partition(account.TenantId), Row(account.Id)).WithVersion(account.Version)
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
            .Set("Attributes", StoredJson.Write(account.Attributes));

    public static Account To(TableEntity row) => new()
    {
        Id = row.RequireString("Id"),
        TenantId = row.RequireString("TenantId"),
        Kind = row.GetEnum<AccountKind>("Kind"),
        HolderId = row.RequireString("HolderId"),
        AccountNumber = row.RequireString("AccountNumber"),
        InstitutionCode = row.RequireString("InstitutionCode"),
        Currency = row.RequireString("Currency"),
        Country = row.RequireString("Country"),
        Type = row.RequireString("Type"),
        Status = row.GetEnum<AccountStatus>("Status"),
        BookId = row.RequireString("BookId"),
        Label = row.GetStringOrNull("Label"),
        ExternalId = row.GetStringOrNull("ExternalId"),
        ParentId = row.GetStringOrNull("ParentId"),
        ExpiresAt = row.GetTimeOrNull("ExpiresAt"),
        ExpectedAmountMinor = row.GetInt64OrNull("ExpectedAmountMinor"),
        CreatedAt = row.GetTime("CreatedAt"),
        UpdatedAt = row.GetTime("UpdatedAt"),
        Attributes = StoredJson.Read<Dictionary<string, string>>(row.RequireString("Attributes"))
            ?? throw new InvalidDataException($"Account row {row.PartitionKey}/{row.RowKey} has null Attributes"),
        Version = row.Version(),
    };
}
