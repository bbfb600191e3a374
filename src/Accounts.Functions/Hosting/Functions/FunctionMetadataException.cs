namespace Accounts.Functions.Hosting.Functions;

/// <summary>The endpoint table and the functions it declares disagree; publishing must stop.</summary>
public sealed class FunctionMetadataException(IReadOnlyList<string> problems)
    : Exception("The endpoint table cannot be turned into function.json files:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Select(p => " - " + p)))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
