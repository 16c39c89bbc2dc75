using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// A loopback port in front of the test's PostgreSQL that refuses connections until <see cref="Open"/>: to the app
/// connecting through it, PostgreSQL that has not started yet.
/// </summary>
public sealed class PostgresForwarder : IAsyncDisposable
{
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private Task? accepting;

    public PostgresForwarder(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        targetHost = target.Host!;
        targetPort = target.Port;
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        listener = new TcpListener(IPAddress.Loopback, Port);
        ConnectionString = new NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;
    }

    public int Port { get; }

    /// <summary>The test's database, reached through this port.</summary>
    public string ConnectionString { get; }

    public void Open()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        if (accepting is not null)
        {
            await accepting;
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = PipeAsync(client);
        }
    }

    private async Task PipeAsync(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(targetHost, targetPort, stopping.Token);
                var fromClient = client.GetStream().CopyToAsync(server.GetStream(), stopping.Token);
                var fromServer = server.GetStream().CopyToAsync(client.GetStream(), stopping.Token);
                await Task.WhenAny(fromClient, fromServer);
            }
            catch (Exception exception) when (exception is OperationCanceledException or IOException or SocketException)
            {
                // A connection ends however it ends; the app sees a closed socket, as with a real server.
            }
        }
    }
}
