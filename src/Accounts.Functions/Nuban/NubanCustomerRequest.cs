namespace Accounts.Functions.Nuban;

/// <summary>POST /v1/accounts: a customer with KYC details; answered with the customer's static account.</summary>
public sealed record NubanCustomerRequest(
    string? Bvn,
    string? FirstName,
    string? LastName,
    string? DateOfBirth,
    string? PhoneNumber,
    string? Email,
    string? Address);
