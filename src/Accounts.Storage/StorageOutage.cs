using System.Net.Sockets;
using Azure;

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
            switch (e)
            {
                case RequestFailedException storage:
                    return IsOutageStatus(storage.Status) || HasNetworkCause(storage);

                // The client's retry policy reports every failed attempt together once it gives up.
                case AggregateException { InnerExceptions.Count: > 0 } aggregate:
                    return aggregate.InnerExceptions.All(Is);

                // Raised by StorageTable when an operation outruns its time bound; the client's own per-attempt
                // network timeout arrives as a cancellation whose cause is a TimeoutException.
                case TimeoutException or HttpRequestException or SocketException:
                    return true;
            }
        }

        return false;
    }

    // No response at all (0, a transport failure), request timeout, throttling, 5xx.
    private static bool IsOutageStatus(int status) =>
        status is 0 or 408 or 429 or >= 500;

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
