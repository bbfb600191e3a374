namespace Accounts.Functions.Vertex;

/// <summary>Every Vertex error body: <c>{"error": {"code", "message", "field"}}</c>; field is null unless an input is at fault.</summary>
public sealed record VertexError(VertexErrorDetail Error);
