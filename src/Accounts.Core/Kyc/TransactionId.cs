using Accounts.Core.Errors;

namespace Accounts.Core.Kyc;

/// <summary>
/// The transaction id shown to clients: "{account id}.{entry id}". Carrying the account lets a transaction be found
/// from its id alone (the account names the book), and the account lookup is tenant-scoped, so an id of another
/// tenant's transaction resolves to nothing.
/// </summary>
public static class TransactionId
{
    public static string Compose(string accountId, string entryId) => $"{accountId}.{entryId}";

    /// <summary>Splits a transaction id; anything not shaped like one is a validation error naming <paramref name="field"/>.</summary>
    public static (string AccountId, string EntryId) Parse(string? text, string field)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw DomainException.Invalid(field, $"{field} is required");
        }

        var parts = text.Trim().Split('.');
        return parts.Length == 2 && parts.All(p => Guid.TryParseExact(p, "D", out _))
            ? (parts[0].ToLowerInvariant(), parts[1].ToLowerInvariant())
            : throw DomainException.Invalid(field, $"{field} must be a transaction id as returned by list (\"<account_id>.<entry_id>\")");
    }
}
