using Accounts.Core.Errors;

namespace Accounts.Functions.Zoqq;

/// <summary>Reads Zoqq's required headers; a missing or oversized one is a validation error naming the header.</summary>
public static class ZoqqHeaders
{
    public const string ApiKey = "x-api-key";
    public const string ProductId = "x-product-id";
    public const string RequestId = "x-request-id";
    public const string UserId = "x-user-id";
    public const string AccountId = "x-account-id";

    private const int MaxLength = 200;

    public static string Required(HttpRequest request, string name)
    {
        var value = request.Headers[name].ToString().Trim();
        if (value.Length == 0)
        {
            throw DomainException.Invalid(name, $"{name} header is required");
        }

        if (value.Length > MaxLength)
        {
            throw DomainException.Invalid(name, $"{name} header must not exceed {MaxLength} characters");
        }

        return value.All(c => c is >= ' ' and <= '~')
            ? value
            : throw DomainException.Invalid(name, $"{name} header must be printable ASCII");
    }
}
