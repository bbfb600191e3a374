namespace Accounts.Functions.Vertex;

/// <summary>Bodies of the entity operations (documented in the README; the seed assumes them).</summary>
public sealed record VertexCreateEntityRequest(string? Type, string? Name, string? Country);

public sealed record VertexVerifyEntityRequest(string? EntityId, string? Status);

/// <summary>Bodies of create and get_by_entity (seed 004).</summary>
public sealed record VertexEntityIdRequest(string? EntityId);

/// <summary>Bodies of get_details and list (seed 004).</summary>
public sealed record VertexAccountIdRequest(string? AccountId);

/// <summary>Body of get_transaction (seed 004).</summary>
public sealed record VertexTxIdRequest(string? TxId);
