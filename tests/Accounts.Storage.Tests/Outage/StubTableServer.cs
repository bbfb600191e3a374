using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Accounts.Storage.Tests.Outage;

/// <summary>
/// A table endpoint in trouble, on a free loopback port: it either never answers (a hung or black-holed server) or
/// answers every request with one status (e.g. 503). It counts the requests it receives, to show which calls retry.
/// </summary>
public sealed class StubTableServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly int? _status;
    private readonly List<TcpClient> _held = [];
    private readonly Task _loop;
    private int _requests;

    private StubTableServer(int? status)
    {
        _status = status;
        _listener.Start();
        _loop = AcceptAsync();
    }

    public int Requests => Volatile.Read(ref _requests);

    /// <summary>A connection string whose table endpoint is this server.</summary>
    public string ConnectionString =>
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;" +
        "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;" +
        $"TableEndpoint=http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/devstoreaccount1;";

    public static StubTableServer Silent() => new(null);

    public static StubTableServer Answering(int status) => new(status);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        lock (_held)
        {
            _held.ForEach(c => c.Dispose());
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            lock (_held)
            {
                _held.Add(client);
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        try
        {
            var stream = client.GetStream();
            while (!_stop.IsCancellationRequested && await ReadRequestAsync(stream))
            {
                Interlocked.Increment(ref _requests);
                if (_status is not { } status)
                {
                    continue; // never answer: the client must give up on its own
                }

                var response = $"HTTP/1.1 {status} Stub\r\nContent-Length: 0\r\nx-ms-request-id: stub\r\n\r\n";
                await stream.WriteAsync(Encoding.ASCII.GetBytes(response), _stop.Token);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The client hung up or the server stopped: nothing more to serve on this connection.
        }
    }

    /// <summary>Reads one request (headers and a Content-Length body); false when the connection closed.</summary>
    private async Task<bool> ReadRequestAsync(NetworkStream stream)
    {
        var header = new StringBuilder();
        var one = new byte[1];
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            if (await stream.ReadAsync(one, _stop.Token) == 0)
            {
                return false;
            }

            header.Append((char)one[0]);
        }

        var length = header.ToString().Split("\r\n")
            .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
            .Select(line => int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault();
        var body = new byte[length];
        await stream.ReadExactlyAsync(body, _stop.Token);
        return true;
    }
}
