namespace Accounts.Functions.Zoqq;

/// <summary>Every Zoqq response body: <c>{code, status, message, data}</c>; errors carry no data.</summary>
public sealed record ZoqqEnvelope<T>(int Code, string Status, string Message, T? Data);

public sealed record ZoqqError(int Code, string Status, string Message)
{
    public static ZoqqError Of(int code, string message) => new(code, "error", message);
}
