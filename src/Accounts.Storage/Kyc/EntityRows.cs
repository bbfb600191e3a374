using Accounts.Core.Kyc;
using Accounts.Storage.Tables;
using Azure.Data.Tables;

namespace Accounts.Storage.Kyc;

/// <summary>Maps entities to rows of the Entities table (PartitionKey = tenant, RowKey = entity id).</summary>
internal static class EntityRows
{
    public static string Partition(string tenantId) => KeyEncoder.Encode(tenantId);

    public static string Row(string entityId) => KeyEncoder.Encode(entityId);

    public static TableEntity From(Entity entity) =>
        new TableEntity(Partition(entity.TenantId), Row(entity.Id)).WithVersion(entity.Version)
            .Set("Id", entity.Id)
            .Set("TenantId", entity.TenantId)
            .Set("Type", entity.Type.ToString())
            .Set("Name", entity.Name)
            .Set("Country", entity.Country)
            .Set("Status", entity.Status.ToString())
            .Set("CreatedAt", entity.CreatedAt)
            .Set("UpdatedAt", entity.UpdatedAt);

    public static Entity To(TableEntity row) => new()
    {
        Id = row.RequireString("Id"),
        TenantId = row.RequireString("TenantId"),
        Type = row.GetEnum<EntityType>("Type"),
        Name = row.RequireString("Name"),
        Country = row.RequireString("Country"),
        Status = row.GetEnum<EntityStatus>("Status"),
        CreatedAt = row.GetTime("CreatedAt"),
        UpdatedAt = row.GetTime("UpdatedAt"),
        Version = row.Version(),
    };
}
