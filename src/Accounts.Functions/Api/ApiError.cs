using Accounts.Core.Errors;

namespace Accounts.Functions.Api;

/// <summary>
/// What a dialect's envelope needs to answer a failed request: the status, the kind of refusal (null for an internal
/// error, whose details are never shown), a message for the client and the offending input if any.
/// </summary>
public sealed record ApiError(int Status, ErrorKind? Kind, string Message, string? Field)
{
    /// <summary>The message, prefixed with the field for envelopes that have no field of their own.</summary>
    public string MessageNamingField =>
        Field is { } name && !Message.Contains(name, StringComparison.Ordinal) ? $"{name}: {Message}" : Message;
}
