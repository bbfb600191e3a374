namespace Accounts.Functions.Vertex;

/// <summary>Reply of get_by_entity (seed 004).</summary>
public sealed record VertexEntityAccounts(string EntityId, IReadOnlyList<VertexEntityAccount> Accounts);
