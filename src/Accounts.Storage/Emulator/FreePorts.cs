using System.Net;
using System.Net.Sockets;

namespace Accounts.Storage.Emulator;

public static class FreePorts
{
    /// <summary>
    /// Ports the OS reports free on 127.0.0.1. All listeners are open at once so the ports are distinct; another
    /// process can still take one before it is used, so callers retry on a failed bind.
    /// </summary>
    public static int[] Take(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
