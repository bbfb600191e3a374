using System.Text.RegularExpressions;

namespace Accounts.Functions.Hosting.Functions;

/// <summary>The host's rule for function (folder) names, checked when an endpoint is declared.</summary>
public static partial class FunctionName
{
    public static string Validate(string functionName)
    {
        if (!Pattern().IsMatch(functionName))
        {
            throw new ArgumentException(
                $"'{functionName}' is not a valid function name: start with a letter, then letters, digits, '_' or '-', at most 127 characters.",
                nameof(functionName));
        }

        return functionName;
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,126}$")]
    private static partial Regex Pattern();
}
