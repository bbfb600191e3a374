namespace Accounts.Functions.Vertex;

/// <summary>An account in the get_by_entity reply (seed 004).</summary>
public sealed record VertexEntityAccount(string AccountId, string AccountNumber, string CreatedAt, IReadOnlyDictionary<string, string> Metadata);
