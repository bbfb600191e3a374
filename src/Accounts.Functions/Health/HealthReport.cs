namespace Accounts.Functions.Health;

/// <summary>GET /healthz: "healthy" when every check is ok (or skipped), else "unhealthy" with status 503.</summary>
public sealed record HealthReport(string Status, IReadOnlyDictionary<string, HealthCheckResult> Checks);

/// <summary>One dependency: "ok", "failed" (detail says why) or "skipped" (detail says who checks it instead).</summary>
public sealed record HealthCheckResult(string Status, long DurationMs, string? Detail);
