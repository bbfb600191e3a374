using System.Net.Sockets;

namespace Accounts.Functions.Hosting;

/// <summary>Checks whether something accepts TCP connections on an endpoint.</summary>
public static class TcpProbe
{
    public static async Task<bool> AnswersAsync(Uri endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(endpoint.Host, endpoint.Port, timeoutSource.Token);
            return true;
        }
        catch (SocketException)
        {
            // Refused or unreachable is the answer we are asking for, not an error.
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
