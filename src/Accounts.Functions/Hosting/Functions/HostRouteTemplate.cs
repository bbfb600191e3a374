using System.Text;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Accounts.Functions.Hosting.Functions;

/// <summary>
/// Turns an ASP.NET route pattern into a function.json <c>route</c>. The host only picks which function
/// a request belongs to and then forwards the original request, where the handler's own routing applies
/// every constraint again. So constraints are dropped (the host does not know custom ones), a default
/// value becomes an optional parameter (so the host still accepts the shorter path), and <c>**</c>
/// catch-alls become <c>*</c>.
/// </summary>
public static class HostRouteTemplate
{
    public static string From(RoutePattern pattern)
    {
        var text = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            if (text.Length > 0)
            {
                text.Append('/');
            }

            foreach (var part in segment.Parts)
            {
                Append(text, part);
            }
        }

        return text.ToString();
    }

    private static void Append(StringBuilder text, RoutePatternPart part)
    {
        switch (part)
        {
            case RoutePatternLiteralPart literal:
                text.Append(literal.Content.Replace("{", "{{").Replace("}", "}}"));
                break;
            case RoutePatternSeparatorPart separator:
                text.Append(separator.Content);
                break;
            case RoutePatternParameterPart parameter:
                text.Append('{');
                if (parameter.IsCatchAll)
                {
                    // A catch-all already matches the empty remainder; the host rejects "?" on it.
                    text.Append('*').Append(parameter.Name);
                }
                else
                {
                    text.Append(parameter.Name);
                    if (parameter.IsOptional || parameter.Default is not null)
                    {
                        text.Append('?');
                    }
                }

                text.Append('}');
                break;
            default:
                throw new NotSupportedException($"Route pattern part {part.GetType().Name} has no function.json equivalent.");
        }
    }
}
