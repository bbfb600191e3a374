using System.Text.Json.Nodes;
using Xunit.Sdk;

namespace Accounts.Functions.Tests.OpenApi;

/// <summary>The schema check used on real answers does catch drift.</summary>
public sealed class SchemaMatchTests
{
    private static readonly JsonObject Schema = JsonNode.Parse("""
        {"type": "object", "required": ["id", "amount"], "additionalProperties": false,
         "properties": {"id": {"type": "string"}, "amount": {"type": "number"}, "note": {"type": ["string", "null"]},
                        "items": {"type": "array", "items": {"type": "object", "properties": {"x": {"type": "integer"}}, "additionalProperties": false}}}}
        """)!.AsObject();

    [Theory]
    [InlineData("""{"id": "a", "amount": 1.5, "note": null, "items": [{"x": 1}]}""", true)]
    [InlineData("""{"id": "a"}""", false)]
    [InlineData("""{"id": "a", "amount": "1.5"}""", false)]
    [InlineData("""{"id": "a", "amount": 1, "accountNumber": "1"}""", false)]
    [InlineData("""{"id": "a", "amount": 1, "items": [{"x": 1.5}]}""", false)]
    public void Matches_only_what_the_schema_says(string json, bool matches)
    {
        var check = () => SchemaMatch.Assert(Schema, JsonNode.Parse(json), "body");
        if (matches)
        {
            check();
        }
        else
        {
            Assert.ThrowsAny<XunitException>(check);
        }
    }
}
