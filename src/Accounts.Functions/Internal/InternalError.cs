namespace Accounts.Functions.Internal;

/// <summary>
/// The Internal dialect's error body (seed 002 documents none): <c>{"error": {"code", "message", "field"}}</c>;
/// <c>field</c> names the offending header, query parameter or body field, or is null.
/// </summary>
public sealed record InternalError(InternalErrorDetail Error);
