using System.Text.Json.Serialization;

namespace Accounts.Functions.Nuban;

/// <summary>Every successful Nuban response: <c>{success, message, data}</c>, plus <c>meta</c> on lists.</summary>
public sealed record NubanEnvelope<T>(
    bool Success,
    string Message,
    T Data,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] NubanMeta? Meta = null);
