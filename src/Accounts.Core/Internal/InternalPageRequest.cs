namespace Accounts.Core.Internal;

/// <summary>A page: <see cref="Limit"/> accounts after <see cref="Cursor"/> (the start when null), skipping <see cref="Offset"/>.</summary>
public sealed record InternalPageRequest(int Limit, int Offset, ListCursor? Cursor);
