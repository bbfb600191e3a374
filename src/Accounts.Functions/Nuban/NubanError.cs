namespace Accounts.Functions.Nuban;

/// <summary>Every Nuban error response: <c>{success: false, message}</c>, as the seed's 403 example.</summary>
public sealed record NubanError(bool Success, string Message)
{
    public static NubanError Of(string message) => new(false, message);
}
