namespace Accounts.Functions.Vertex;

/// <summary>One country's account-number pool: the currency its accounts hold and its ranges ("from-to", inclusive).</summary>
public sealed class VertexPoolOptions
{
    public string Currency { get; set; } = string.Empty;

    public List<string> Ranges { get; set; } = [];
}
