namespace Accounts.Functions.Hosting.Functions;

/// <summary>Endpoint metadata: the host never routes to this endpoint (readiness probe, local-only tools).</summary>
public sealed class HandlerOnlyMetadata
{
    public static readonly HandlerOnlyMetadata Instance = new();

    private HandlerOnlyMetadata()
    {
    }
}
