using System.Text.Json;
using Accounts.Functions.Api;

namespace Accounts.Functions.Internal;

/// <summary>Seed 002's wire format: camelCase names, nulls written out, unknown request fields refused.</summary>
public static class InternalJson
{
    public static readonly JsonSerializerOptions Options = WireJson.Create(JsonNamingPolicy.CamelCase);
}
