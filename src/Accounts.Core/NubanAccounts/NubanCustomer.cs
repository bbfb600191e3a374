namespace Accounts.Core.NubanAccounts;

/// <summary>
/// A validated customer profile. <see cref="Email"/> is lower-cased and <see cref="Phone"/> is in the local
/// 11-digit form, so the same contact written two ways is one claim. BVN, date of birth and address are known only
/// for customers created through "create customer account".
/// </summary>
public sealed record NubanCustomer(
    string FirstName,
    string LastName,
    string Email,
    string Phone,
    string? Bvn = null,
    DateOnly? DateOfBirth = null,
    string? Address = null)
{
    public string FullName => $"{FirstName} {LastName}";
}
