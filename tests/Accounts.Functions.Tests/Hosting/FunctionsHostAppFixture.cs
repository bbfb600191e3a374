using Accounts.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace Accounts.Functions.Tests.Hosting;

/// <summary>
/// The real app as the Functions host starts it (<c>FUNCTIONS_CUSTOMHANDLER_PORT</c> set), so the JSON-invocation routes
/// are served, with its log lines kept in <see cref="Logs"/>. Share it through <see cref="FunctionsHostCollection"/>.
/// </summary>
public sealed class FunctionsHostAppFixture : AppFixture
{
    public FunctionsHostAppFixture()
        : this(new CapturedLogs())
    {
    }

    private FunctionsHostAppFixture(CapturedLogs logs)
        : base(underFunctionsHost: true, configure: builder => builder.ConfigureLogging(logging => logging.AddProvider(logs))) =>
        Logs = logs;

    public CapturedLogs Logs { get; }
}
