using System.Security.Cryptography;
using System.Text;
using Accounts.Core.Errors;
using Microsoft.Extensions.Options;

namespace Accounts.Functions.Operator;

/// <summary>
/// The operator credential: <c>x-operator-key</c> must equal the configured <c>Operator:ApiKey</c>, compared in constant
/// time. With no key configured the routes do not exist (404), so a forgotten setting never leaves them open.
/// Every answer, refusals included, is marked <c>Cache-Control: no-store</c>: these responses carry credentials shown once.
/// </summary>
public sealed class OperatorAuthFilter(IOptionsMonitor<OperatorOptions> options) : IEndpointFilter
{
    public const string Header = "x-operator-key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        context.HttpContext.Response.Headers.CacheControl = "no-store";
        var expected = options.CurrentValue.ApiKey;
        if (string.IsNullOrWhiteSpace(expected))
        {
            return Results.NotFound();
        }

        var presented = context.HttpContext.Request.Headers[Header].ToString();
        if (presented.Length == 0)
        {
            throw new DomainException(ErrorKind.Unauthorized, $"{Header} header is required", Header);
        }

        if (!Matches(presented, expected))
        {
            throw new DomainException(ErrorKind.Unauthorized, $"{Header} is not valid", Header);
        }

        return await next(context);
    }

    // Hashing first gives equal lengths, so neither the key's length nor a matching prefix shows in the timing.
    private static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
}

/// <summary>
/// Section "Operator": <see cref="ApiKey"/> is the credential for the /operator routes (header <c>x-operator-key</c>).
/// Unset, the routes answer 404: they are never open.
/// </summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    public string? ApiKey { get; set; }
}
