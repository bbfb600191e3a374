namespace Accounts.Functions.Internal;

/// <summary>PATCH body: only these fields may be sent; an absent or null field is left unchanged.</summary>
public sealed record InternalUpdateRequest(string? Name, string? ExternalId, string? Status);
