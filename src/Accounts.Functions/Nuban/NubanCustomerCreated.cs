namespace Accounts.Functions.Nuban;

/// <summary>
/// data of 201 on POST /v1/accounts: the customer (user_id and profile; the BVN is never echoed) with the static
/// account opened for them.
/// </summary>
public sealed record NubanCustomerCreated(
    string UserId,
    string FirstName,
    string LastName,
    string Email,
    string PhoneNumber,
    string DateOfBirth,
    string Address,
    string AccountName,
    string AccountNumber,
    string BankName,
    string BankCode,
    string Currency);
