using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Accounts.Functions.Tests.HttpFiles;

/// <summary>
/// Runs a .http file the way Visual Studio and VS Code's REST Client do, for the subset the repo's files use: file
/// variables (<c>@name = value</c>), <c># @name</c> requests whose responses later requests read with
/// <c>{{name.response.body.$.path}}</c>, <c>{{$guid}}</c>, <c>{{$randomInt min max}}</c> and <c>&lt; ./file</c> bodies.
/// A request must answer 2xx unless a <c># expect: NNN</c> comment says otherwise.
/// </summary>
public sealed partial class HttpFileRunner(HttpClient client, string path, IReadOnlyDictionary<string, string> overrides,
    Func<string, JsonNode?, Task>? afterNamed = null)
{
    private readonly Dictionary<string, JsonNode?> _responses = [];
    private readonly Dictionary<string, string> _variables = [];

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        var log = new List<string>();
        var blocks = (await File.ReadAllTextAsync(path)).Replace("\r\n", "\n").Split("\n###");
        foreach (var line in blocks[0].Split('\n').Concat(blocks.Skip(1).SelectMany(b => b.Split('\n'))))
        {
            if (Variable().Match(line) is { Success: true } v)
            {
                _variables[v.Groups[1].Value] = overrides.TryGetValue(v.Groups[1].Value, out var value) ? value : v.Groups[2].Value.Trim();
            }
        }

        foreach (var block in blocks.Skip(1))
        {
            log.Add(await SendAsync(block));
        }

        return log;
    }

    private async Task<string> SendAsync(string block)
    {
        var lines = block.Split('\n').Skip(1).ToList(); // the first line is the "###" title
        string? name = null;
        var expected = (int?)null;
        var i = 0;
        for (; i < lines.Count && (lines[i].StartsWith('#') || lines[i].Trim().Length == 0 || Variable().IsMatch(lines[i])); i++)
        {
            name = NameComment().Match(lines[i]) is { Success: true } n ? n.Groups[1].Value : name;
            expected = ExpectComment().Match(lines[i]) is { Success: true } e ? int.Parse(e.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : expected;
        }

        var requestLine = Resolve(lines[i++]).Split(' ', 2);
        var request = new HttpRequestMessage(new HttpMethod(requestLine[0]), requestLine[1].Trim());
        var headers = new List<(string Name, string Value)>();
        for (; i < lines.Count && lines[i].Trim().Length > 0; i++)
        {
            var colon = lines[i].IndexOf(':');
            headers.Add((lines[i][..colon].Trim(), Resolve(lines[i][(colon + 1)..].Trim())));
        }

        var body = string.Join('\n', lines.Skip(i)).Trim();
        if (body.Length > 0)
        {
            var bytes = body.StartsWith("< ", StringComparison.Ordinal)
                ? await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(path)!, body[2..].Trim()))
                : Encoding.UTF8.GetBytes(Resolve(body));
            request.Content = new ByteArrayContent(bytes);
        }

        foreach (var (header, value) in headers)
        {
            if (header.Equals("Content-Type", StringComparison.OrdinalIgnoreCase))
            {
                request.Content?.Headers.TryAddWithoutValidation(header, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(header, value);
            }
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        var summary = $"{request.Method} {request.RequestUri} → {status} {text}";
        Assert.True(expected is { } code ? status == code : status is >= 200 and < 300, $"{Path.GetFileName(path)}: {summary}");
        if (name is not null)
        {
            _responses[name] = text.Length == 0 ? null : JsonNode.Parse(text);
            if (afterNamed is not null)
            {
                // What the file's comments ask the reader to do between requests (e.g. send a deposit).
                await afterNamed(name, _responses[name]);
            }
        }

        return summary;
    }

    private string Resolve(string text)
    {
        for (var depth = 0; depth < 5 && text.Contains("{{", StringComparison.Ordinal); depth++)
        {
            text = Placeholder().Replace(text, m => Value(m.Groups[1].Value.Trim()));
        }

        return text;
    }

    private string Value(string expression)
    {
        if (expression == "$guid")
        {
            return Guid.NewGuid().ToString();
        }

        if (expression.StartsWith("$randomInt", StringComparison.Ordinal))
        {
            var bounds = expression.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(long.Parse).ToArray();
            return Random.Shared.NextInt64(bounds[0], bounds[1]).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (ResponsePath().Match(expression) is { Success: true } r)
        {
            Assert.True(_responses.TryGetValue(r.Groups[1].Value, out var node), $"request '{r.Groups[1].Value}' has not run");
            foreach (Match step in Step().Matches(r.Groups[2].Value))
            {
                var index = step.Groups[2].Success ? int.Parse(step.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
                node = index < 0 ? node?[step.Groups[1].Value] : node is JsonArray array && index < array.Count ? array[index] : null;
            }

            return node?.ToString() ?? throw new Xunit.Sdk.XunitException($"{expression} is empty");
        }

        return _variables.TryGetValue(expression, out var value) ? value : throw new Xunit.Sdk.XunitException($"unknown variable {expression}");
    }

    [GeneratedRegex(@"^@([A-Za-z][A-Za-z0-9_]*)\s*=\s*(.*)$")]
    private static partial Regex Variable();

    [GeneratedRegex(@"^#\s*@name\s+(\S+)")]
    private static partial Regex NameComment();

    [GeneratedRegex(@"^#\s*expect:\s*(\d{3})")]
    private static partial Regex ExpectComment();

    [GeneratedRegex(@"\{\{(.+?)\}\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^([A-Za-z0-9_]+)\.response\.body\.\$(.*)$")]
    private static partial Regex ResponsePath();

    [GeneratedRegex(@"\.([A-Za-z0-9_]+)|\[(\d+)\]")]
    private static partial Regex Step();
}
