namespace Accounts.Core.Internal;

/// <summary>
/// One page of a list. <see cref="Total"/> counts every match; <see cref="Next"/> and <see cref="Previous"/> are the
/// cursors of the neighbouring pages, null at either end.
/// </summary>
public sealed record InternalAccountPage(IReadOnlyList<InternalAccountView> Results, int Total, ListCursor? Next, ListCursor? Previous);
