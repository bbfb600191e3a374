using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage.Tables;

/// <summary>Recognises the few storage failures that are expected outcomes rather than errors.</summary>
internal static class StorageStatus
{
    public const int NotFound = 404;
    public const int Conflict = 409;
    public const int PreconditionFailed = 412;

    public static bool Is(this StorageException exception, int status) =>
        exception.RequestInformation?.HttpStatusCode == status;

    /// <summary>409 (key exists) or 412 (ETag stale): somebody else wrote first.</summary>
    public static bool IsConcurrencyConflict(this StorageException exception) =>
        exception.Is(Conflict) || exception.Is(PreconditionFailed);
}
