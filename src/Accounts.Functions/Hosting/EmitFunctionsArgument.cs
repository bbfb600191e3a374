namespace Accounts.Functions.Hosting;

/// <summary>Reads <c>--emit-functions &lt;dir&gt;</c>, the publish step's request for function.json files.</summary>
public static class EmitFunctionsArgument
{
    public const string Name = "--emit-functions";

    public static string? Find(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            // Accept the "=" form too: ignoring it would start the server and hang the publish step.
            if (args[i].StartsWith(Name + "=", StringComparison.Ordinal))
            {
                var value = args[i][(Name.Length + 1)..];
                return value.Length > 0 ? value : throw new ArgumentException($"{Name} needs an output directory.");
            }

            if (args[i] != Name)
            {
                continue;
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"{Name} needs an output directory.");
            }

            return args[i + 1];
        }

        return null;
    }
}
