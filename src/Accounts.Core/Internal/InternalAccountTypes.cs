using Accounts.Core.Errors;

namespace Accounts.Core.Internal;

/// <summary>
/// The documented values of an internal account's <c>type</c>. Seed 002 leaves the enum empty and shows both "CHECKING"
/// and "real", so values are accepted case-insensitively and stored in their canonical upper-case form.
/// </summary>
public static class InternalAccountTypes
{
    public static readonly IReadOnlyList<string> All = ["CHECKING", "SAVINGS", "REAL", "VIRTUAL", "LOAN", "ESCROW", "WALLET"];

    public static string Parse(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw DomainException.Invalid(field, $"{field} is required; allowed values: {string.Join(", ", All)}");
        }

        var upper = value.Trim().ToUpperInvariant();
        return All.Contains(upper)
            ? upper
            : throw DomainException.Invalid(field, $"{field} '{value}' is not supported; allowed values: {string.Join(", ", All)}");
    }
}
