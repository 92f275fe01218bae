using System.Net;
using System.Net.Sockets;

namespace Sourcing.LocalPostgres;

/// <summary>Free TCP ports on the loopback interface.</summary>
public static class FreePort
{
    // Below the kernel's ephemeral range (32768–60999 on Linux), so that no outgoing connection
    // (a database client, a gRPC channel) is handed the port between our check and the server's bind;
    // random, so that parallel test processes rarely try the same one.
    private const int First = 20000;
    private const int Last = 32000;
    private const int Attempts = 200;

    // Ports are often picked several at once before any is bound (a host's services, each with two endpoints): one
    // process never hands out a port twice, so two of them cannot draw the same one.
    private static readonly HashSet<int> HandedOut = [];

    /// <summary>
    /// A port nothing listens on right now and this process has not handed out before (another process may still
    /// take it before it is used).
    /// </summary>
    public static int Find()
    {
        for (var i = 0; i < Attempts; i++)
        {
            var port = Random.Shared.Next(First, Last);
            if (!IsInUse(port) && HandOut(port))
            {
                return port;
            }
        }
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool HandOut(int port)
    {
        lock (HandedOut)
        {
            return HandedOut.Add(port);
        }
    }

    /// <summary>True if something already listens on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsInUse(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return false;
        }
        catch (SocketException)
        {
            return true;
        }
    }
}
