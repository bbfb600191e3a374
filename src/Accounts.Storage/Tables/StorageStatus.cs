using Azure;

namespace Accounts.Storage.Tables;

/// <summary>Recognises the few storage failures that are expected outcomes rather than errors.</summary>
internal static class StorageStatus
{
    public const int NotFound = 404;
    public const int Conflict = 409;
    public const int PreconditionFailed = 412;

    public static bool Is(this RequestFailedException exception, int status) => exception.Status == status;

    /// <summary>409 (key exists) or 412 (ETag stale): somebody else wrote first.</summary>
    public static bool IsConcurrencyConflict(this RequestFailedException exception) =>
        exception.Is(Conflict) || exception.Is(PreconditionFailed);
}
