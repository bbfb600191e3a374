namespace Accounts.Core.Errors;

/// <summary>A refused request. <see cref="Field"/> names the offending input when there is one.</summary>
public sealed class DomainException(ErrorKind kind, string message, string? field = null) : Exception(message)
{
    public ErrorKind Kind { get; } = kind;

    public string? Field { get; } = field;

    public static DomainException Invalid(string field, string message) => new(ErrorKind.Validation, message, field);

    public static DomainException NotFound(string message) => new(ErrorKind.NotFound, message);

    public static DomainException Conflict(string message) => new(ErrorKind.Conflict, message);

    public static DomainException Gone(string message) => new(ErrorKind.Gone, message);

    public static DomainException Forbidden(string message) => new(ErrorKind.Forbidden, message);

    public static DomainException Unauthorized(string message) => new(ErrorKind.Unauthorized, message);

    public static DomainException Unavailable(string message) => new(ErrorKind.Unavailable, message);
}

/// <summary>What went wrong, independent of any dialect; each dialect maps these to its own status codes.</summary>
public enum ErrorKind
{
    Validation,
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict,
    Gone,
    Unavailable,
}

/// <summary>
/// A store refused a write because the row changed since it was read (ETag mismatch) or a key that must be
/// unique already exists. Services catch it and retry with fresh state; it never reaches a client.
/// </summary>
public sealed class ConcurrencyException(string message) : Exception(message);
