namespace Accounts.Core.NubanAccounts;

/// <summary>
/// Attributes a NUBAN account keeps beside the core fields. A static account carries its customer's profile (the
/// customer is not a separate record: one customer, one static account); a dynamic account carries its payment state.
/// <see cref="Bvn"/>, <see cref="DateOfBirth"/> and <see cref="Address"/> are stored sealed (encrypted, see
/// <see cref="NubanProduct.Unseal"/>): no answer shows them after the account is created.
/// </summary>
public static class NubanAttributes
{
    public const string AccountName = "account_name";
    public const string FirstName = "first_name";
    public const string LastName = "last_name";
    public const string Email = "email";
    public const string Phone = "phone_number";
    public const string Bvn = "bvn";
    public const string DateOfBirth = "date_of_birth";
    public const string Address = "address";
    public const string CloseNote = "close_note";

    /// <summary>Dynamic only: the client's (or generated) payment reference.</summary>
    public const string Reference = "reference";
}
