namespace Accounts.Functions.Vertex;

/// <summary>Reply of get_details (seed 004); balances are decimal strings.</summary>
public sealed record VertexAccountDetails(string AccountId, string AccountNumber, string Balance, string AvailableBalance,
    IReadOnlyDictionary<string, string> Metadata);
