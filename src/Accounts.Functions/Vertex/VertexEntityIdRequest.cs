namespace Accounts.Functions.Vertex;

/// <summary>Bodies of create and get_by_entity (seed 004).</summary>
public sealed record VertexEntityIdRequest(string? EntityId);
