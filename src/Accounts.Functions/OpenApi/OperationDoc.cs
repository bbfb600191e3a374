using Microsoft.OpenApi;

namespace Accounts.Functions.OpenApi;

/// <summary>
/// How one function (one route) answers, as its dialect's document describes it. The route, its methods and its path
/// parameters come from the endpoint itself; this adds what the handler reads by hand (headers, query, body) and what it
/// answers. Bodies are CLR types serialized with the dialect's own options, so the schema is what the wire carries.
/// </summary>
public sealed record OperationDoc(string Summary)
{
    public string? Description { get; init; }

    /// <summary>The JSON body the handler parses, if any.</summary>
    public Type? Request { get; init; }

    /// <summary>True when the handler also accepts no body at all (e.g. resend to every endpoint).</summary>
    public bool RequestOptional { get; init; }

    /// <summary>A request body taken from the seed document.</summary>
    public string? RequestExample { get; init; }

    /// <summary>Success statuses and their body types (null: no body).</summary>
    public Dictionary<int, Type?> Responses { get; } = [];

    /// <summary>A success body taken from the seed document (for the lowest success status).</summary>
    public string? ResponseExample { get; init; }

    /// <summary>Error statuses beyond the dialect's common ones (auth, validation, storage, unexpected).</summary>
    public int[] Errors { get; init; } = [];

    /// <summary>True when the route answers only <see cref="Errors"/>, not the dialect's common ones (e.g. an unauthenticated probe).</summary>
    public bool OwnErrorsOnly { get; init; }

    /// <summary>The body of this route's errors when it is not the dialect's envelope.</summary>
    public Type? ErrorBody { get; init; }

    /// <summary>Headers and query parameters the handler reads itself (path parameters come from the route).</summary>
    public IReadOnlyList<ParameterDoc> Parameters { get; init; } = [];

    /// <summary>The security schemes of the dialect this operation needs, all at once; empty means none.</summary>
    public IReadOnlyList<string> Security { get; init; } = [];
}

/// <summary>A header or query parameter; always a string on the wire.</summary>
public sealed record ParameterDoc(string Name, ParameterLocation In, bool Required, string Description, string? Example = null)
{
    public static ParameterDoc Header(string name, string description, string? example = null, bool required = true) =>
        new(name, ParameterLocation.Header, required, description, example);

    public static ParameterDoc Query(string name, string description, string? example = null) =>
        new(name, ParameterLocation.Query, false, description, example);
}

/// <summary>A security scheme: an API key in a header, or an HTTP bearer token.</summary>
public sealed record SecurityDoc(string Id, string Description, string? ApiKeyHeader = null)
{
    public static SecurityDoc Key(string id, string header, string description) => new(id, description, header);

    public static SecurityDoc Bearer(string id, string description) => new(id, description);
}
