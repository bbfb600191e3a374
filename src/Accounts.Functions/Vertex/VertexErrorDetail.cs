namespace Accounts.Functions.Vertex;

/// <summary>What went wrong: a stable code, a message, and the offending input when there is one.</summary>
public sealed record VertexErrorDetail(string Code, string Message, string? Field);
