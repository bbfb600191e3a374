namespace Accounts.Functions.Vertex;

/// <summary>Bodies of get_details and list (seed 004).</summary>
public sealed record VertexAccountIdRequest(string? AccountId);
