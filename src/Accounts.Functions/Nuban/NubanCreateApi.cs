using Accounts.Core.NubanAccounts;
using Accounts.Functions.Api;

namespace Accounts.Functions.Nuban;

/// <summary>Create customer (with its static account), create static and create dynamic accounts (seed 003).</summary>
public static class NubanCreateApi
{
    public const string CreatedMessage = "Virtual account created successfully";

    // Dates of birth are judged in Nigerian time (WAT, UTC+1 all year), where the customer lives.
    private static readonly TimeSpan Wat = TimeSpan.FromHours(1);

    public static async Task<IResult> CreateCustomer(HttpContext http, NubanProduct product, TimeProvider clock)
    {
        var tenant = NubanCaller.Of(http);
        var request = JsonBody.Parse<NubanCustomerRequest>(await JsonBody.ReadTextAsync(http.Request, http.RequestAborted), NubanJson.Options);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Wat).DateTime);
        var customer = new NubanCustomer(
            NubanFields.Name(request.FirstName, "first_name"),
            NubanFields.Name(request.LastName, "last_name"),
            NubanFields.Email(request.Email, "email"),
            NubanFields.Phone(request.PhoneNumber, "phone_number"),
            NubanFields.Bvn(request.Bvn, "bvn"),
            NubanFields.DateOfBirth(request.DateOfBirth, "date_of_birth", today),
            NubanFields.Address(request.Address, "address"));
        var account = await product.OpenStaticAsync(tenant.Id, customer, NubanWire.StaticType, http.RequestAborted);
        return NubanResults.Created("Account created successfully", NubanWire.Customer(account, customer, product.Institution));
    }

    public static async Task<IResult> CreateStatic(HttpContext http, NubanProduct product)
    {
        var tenant = NubanCaller.Of(http);
        var request = JsonBody.Parse<NubanStaticRequest>(await JsonBody.ReadTextAsync(http.Request, http.RequestAborted), NubanJson.Options);
        var customer = new NubanCustomer(
            NubanFields.Name(request.FirstName, "first_name"),
            NubanFields.Name(request.LastName, "last_name"),
            NubanFields.Email(request.EmailAddress, "email_address"),
            NubanFields.Phone(request.PhoneNumber, "phone_number"));
        var account = await product.OpenStaticAsync(tenant.Id, customer, NubanWire.StaticType, http.RequestAborted);
        return NubanResults.Created(CreatedMessage, NubanWire.Static(account, product.Institution));
    }

    /// <summary>The account is named after the merchant (tenant), which is what the payer sees when paying.</summary>
    public static async Task<IResult> CreateDynamic(HttpContext http, NubanProduct product)
    {
        var tenant = NubanCaller.Of(http);
        var request = JsonBody.Parse<NubanDynamicRequest>(await JsonBody.ReadTextAsync(http.Request, http.RequestAborted), NubanJson.Options);
        var account = await product.OpenDynamicAsync(tenant.Id, tenant.Name, NubanWire.DynamicType,
            new NewDynamicAccount(request.Amount, request.Reference, request.DurationInMinutes), http.RequestAborted);
        return NubanResults.Created(CreatedMessage, NubanWire.Dynamic(account, product.Institution));
    }
}

/// <summary>POST /v1/accounts: a customer with KYC details; answered with the customer's static account.</summary>
public sealed record NubanCustomerRequest(
    string? Bvn,
    string? FirstName,
    string? LastName,
    string? DateOfBirth,
    string? PhoneNumber,
    string? Email,
    string? Address);

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

/// <summary>POST /v1/accounts/static.</summary>
public sealed record NubanStaticRequest(string? EmailAddress, string? FirstName, string? LastName, string? PhoneNumber);

/// <summary>data of 201 on POST /v1/accounts/static, as the seed shows it.</summary>
public sealed record NubanStaticCreated(string AccountName, string AccountNumber, string BankName, string BankCode, string Currency);

/// <summary>POST /v1/accounts/dynamic. <see cref="Amount"/> is a JSON number, read as an exact decimal.</summary>
public sealed record NubanDynamicRequest(decimal? Amount, string? Reference, int? DurationInMinutes);

/// <summary>data of 201 on POST /v1/accounts/dynamic, as the seed shows it.</summary>
public sealed record NubanDynamicCreated(
    decimal Amount,
    string Reference,
    string ExpirationTime,
    string AccountName,
    string AccountNumber,
    string BankName,
    string BankCode);
