namespace Accounts.Functions.Operator;

/// <summary>
/// Section "Operator": <see cref="ApiKey"/> is the credential for the /operator routes (header <c>x-operator-key</c>).
/// Unset, the routes answer 404: they are never open.
/// </summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    public string? ApiKey { get; set; }
}
