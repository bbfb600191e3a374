namespace Accounts.Functions.Vertex;

/// <summary>Body of the entity verify operation.</summary>
public sealed record VertexVerifyEntityRequest(string? EntityId, string? Status);
