namespace Accounts.Functions.Vertex;

/// <summary>The entity object of the entity operations (ours; the seed assumes entities).</summary>
public sealed record VertexEntity(string EntityId, string Type, string Name, string Country, string Status, string CreatedAt,
    string UpdatedAt);
