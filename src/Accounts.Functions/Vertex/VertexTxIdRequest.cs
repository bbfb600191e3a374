namespace Accounts.Functions.Vertex;

/// <summary>Body of get_transaction (seed 004).</summary>
public sealed record VertexTxIdRequest(string? TxId);
