namespace Accounts.Functions.Internal;

/// <summary>
/// <see cref="Count"/> accounts on this page of <see cref="Total"/> matches; <see cref="Next"/> and <see cref="Previous"/>
/// are opaque cursors to pass back as <c>next</c>, null where there is no such page.
/// </summary>
public sealed record InternalPagination(int Count, string? Next, string? Previous, int Total);
