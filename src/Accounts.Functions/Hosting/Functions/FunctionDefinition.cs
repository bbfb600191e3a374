namespace Accounts.Functions.Hosting.Functions;

/// <summary>One Azure Function: the folder name the host knows it by and its function.json bindings.</summary>
public sealed record FunctionDefinition(string Name, IReadOnlyList<FunctionBinding> Bindings);
