namespace Accounts.Functions.Vertex;

/// <summary>Reply of create (seed 004).</summary>
public sealed record VertexCreatedAccount(string AccountId, string EntityId, string AccountNumber, string Country, string CreatedAt);
