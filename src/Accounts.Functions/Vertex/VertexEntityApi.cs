using Accounts.Core.Kyc;

namespace Accounts.Functions.Vertex;

/// <summary>
/// <c>POST /svc/entity/{partner_id}/create</c> and <c>/verify</c>: the entities and KYC/KYB decisions seed 004 assumes.
/// </summary>
public static class VertexEntityApi
{
    public static async Task<IResult> Create(HttpContext http, EntityService entities)
    {
        var caller = VertexCaller.Of(http);
        var request = await VertexInput.BodyAsync<VertexCreateEntityRequest>(http);
        var type = VertexInput.OneOf(request.Type, "type", EntityType.Personal, EntityType.Business);
        var tenantId = caller.TenantId($"partner {caller.PathPartnerId} was not found");
        var entity = await entities.CreateAsync(tenantId, type, request.Name, request.Country, http.RequestAborted);
        return Results.Json(ToWire(entity), VertexJson.Options);
    }

    public static async Task<IResult> Verify(HttpContext http, EntityService entities)
    {
        var caller = VertexCaller.Of(http);
        var request = await VertexInput.BodyAsync<VertexVerifyEntityRequest>(http);
        var entityId = VertexInput.Uuid(request.EntityId, "entity_id");
        var decision = VertexInput.OneOf(request.Status, "status", EntityStatus.Approved, EntityStatus.Rejected);
        var tenantId = caller.TenantId($"entity {entityId} was not found");
        var entity = await entities.VerifyAsync(tenantId, entityId, decision, http.RequestAborted);
        return Results.Json(ToWire(entity), VertexJson.Options);
    }

    private static VertexEntity ToWire(Entity entity) => new(entity.Id, entity.Type.ToString().ToLowerInvariant(), entity.Name,
        entity.Country, entity.Status.ToString().ToLowerInvariant(), VertexJson.Time(entity.CreatedAt), VertexJson.Time(entity.UpdatedAt));
}

/// <summary>Body of the entity create operation.</summary>
public sealed record VertexCreateEntityRequest(string? Type, string? Name, string? Country);

/// <summary>Body of the entity verify operation.</summary>
public sealed record VertexVerifyEntityRequest(string? EntityId, string? Status);

/// <summary>The entity object of the entity operations (ours; the seed assumes entities).</summary>
public sealed record VertexEntity(string EntityId, string Type, string Name, string Country, string Status, string CreatedAt,
    string UpdatedAt);
