using System.Net.Sockets;
using Microsoft.Azure.Cosmos.Table;

namespace Accounts.Storage;

/// <summary>
/// Tells a storage outage (no answer, a timeout, throttling or a server error) from every other failure, so the API
/// can answer "unavailable, retry later" without knowing the storage client's exception types. Anything else a store
/// throws (a missing table, a malformed row) is a defect and stays an internal error.
/// </summary>
public static class StorageOutage
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is StorageException storage)
            {
                return IsOutageStatus(storage.RequestInformation?.HttpStatusCode ?? 0) || HasNetworkCause(storage);
            }

            if (e is AggregateException { InnerExceptions.Count: 1 } aggregate)
            {
                return Is(aggregate.InnerExceptions[0]);
            }
        }

        return false;
    }

    // No status at all (0, or 306 which the client uses for "no response"), request timeout, throttling, 5xx.
    private static bool IsOutageStatus(int status) =>
        status is 0 or 306 or 408 or 429 or >= 500;

    private static bool HasNetworkCause(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is TimeoutException or HttpRequestException or SocketException or IOException or TaskCanceledException)
            {
                return true;
            }
        }

        return false;
    }
}
