using Accounts.Core.Errors;
using Accounts.Core.Tenancy;

namespace Accounts.Functions.Vertex;

/// <summary>
/// The tenant behind x-api-key and the partner id of the path, set by <see cref="VertexAuthFilter"/>. A path naming
/// another partner reaches no data: every operation answers it with the same not-found it gives for an unknown id.
/// </summary>
public sealed record VertexCaller(Tenant Tenant, string PathPartnerId)
{
    public static VertexCaller Of(HttpContext context) =>
        context.Items[typeof(VertexCaller)] as VertexCaller
        ?? throw new InvalidOperationException("Vertex endpoint reached without authentication");

    /// <summary>The tenant id to act for; throws NotFound(<paramref name="notFound"/>) when the path names another partner.</summary>
    public string TenantId(string notFound) =>
        string.Equals(PathPartnerId, Tenant.PartnerId, StringComparison.Ordinal) ? Tenant.Id : throw DomainException.NotFound(notFound);
}
