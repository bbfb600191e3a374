namespace Accounts.Functions.Vertex;

/// <summary>Body of the entity create operation.</summary>
public sealed record VertexCreateEntityRequest(string? Type, string? Name, string? Country);
