using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace ThresholdPortal.TestSupport;

/// <summary>
/// A real SMTP server on 127.0.0.1: Debian's aiosmtpd, run with deploy/local/smtp_drop.py, saving each
/// message it accepts as an .eml file. It can be stopped and started again on the same port, to show the
/// outbox waiting out an outage.
/// </summary>
public sealed class LoopbackSmtpServer : IAsyncDisposable
{
    private static readonly string Python = Environment.GetEnvironmentVariable("THRESHOLDPORTAL_PYTHON") ?? "/usr/bin/python3";
    private Process? process;

    private LoopbackSmtpServer(int port, string folder)
    {
        Port = port;
        Folder = folder;
    }

    public int Port { get; }
    public string Folder { get; }
    public bool IsRunning => process is { HasExited: false };

    /// <summary>A server on a free port, not started yet.</summary>
    public static LoopbackSmtpServer OnFreePort()
    {
        var folder = Path.Combine(Path.GetTempPath(), "thresholdportal-mail-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return new LoopbackSmtpServer(FreePort(), folder);
    }

    public static async Task<LoopbackSmtpServer> StartOnFreePortAsync()
    {
        var server = OnFreePort();
        await server.StartAsync();
        return server;
    }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Python)
        {
            ArgumentList = { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{Port}", "-c", "smtp_drop.EmlDrop", Folder },
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        start.Environment["PYTHONPATH"] = DeployLocalFolder();
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException(
                    $"aiosmtpd exited at once ({await process.StandardError.ReadToEndAsync()}). Is python3-aiosmtpd installed? " +
                        $"deploy/local/test.sh installs it.");
            }

            if (await AcceptsConnectionsAsync())
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"aiosmtpd did not listen on 127.0.0.1:{Port} within 15 seconds.");
    }

    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        process = null;
    }

    /// <summary>Every message received so far, oldest first.</summary>
    public IReadOnlyList<MimeMessage> Messages() =>
        [.. Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal).Select(file => MimeMessage.Load(file))];

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived.</summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(int count, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var messages = Messages();
            if (messages.Count >= count || waited.Elapsed > limit)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Waits until a message that <paramref name="match"/> accepts has arrived, and returns every such message:
    /// other mail the app sends meanwhile (the demo data's overdue chases, say) neither hides nor counts as it.
    /// </summary>
    public async Task<IReadOnlyList<MimeMessage>> WaitForMessagesAsync(Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(20);
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var messages = Messages().Where(match).ToList();
            if (messages.Count > 0 || waited.Elapsed > limit)
            {
                return messages;
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Whether <paramref name="message"/> is addressed to <paramref name="address"/>.</summary>
    public static bool IsTo(MimeMessage message, string address) =>
        message?.To.Mailboxes.Any(to => to.Address == address) == true;

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        Directory.Delete(Folder, recursive: true);
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string DeployLocalFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "deploy", "local");
            if (File.Exists(Path.Combine(candidate, "smtp_drop.py")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("deploy/local/smtp_drop.py not found above " + AppContext.BaseDirectory);
    }
}
