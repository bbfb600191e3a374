namespace Accounts.Functions.Vertex;

/// <summary>Reply of get_transaction (seed 004).</summary>
public sealed record VertexTransactionReply(VertexTransaction Transaction);
