namespace Accounts.Functions.Vertex;

/// <summary>Reply of list (seed 004).</summary>
public sealed record VertexTransactions(string AccountId, IReadOnlyList<VertexTransaction> Transactions);
