namespace Accounts.Core.Errors;

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
