using System.Globalization;

namespace ThresholdPortal.Benchmarks;

/// <summary>
/// Processor time spent on this machine, read from Linux's /proc: by the program listening on a loopback port, and by
/// every PostgreSQL process together. Two readings around a timed phase give what each spent on it. On two busy cores a
/// rate is bounded by the processor time each piece of work costs, so these say where a gap between two rates comes from,
/// and move far less from run to run than the rates do. Off Linux, or when no program is found, there is no reading.
/// </summary>
internal static class ProcessorTime
{
    /// <summary>/proc counts in clock ticks of 1/100 s (USER_HZ, 100 on every Linux this runs on).</summary>
    private const double MillisecondsPerTick = 10;

    public readonly record struct Reading(long ProgramTicks, long PostgresTicks)
    {
        public static Reading operator -(Reading after, Reading before) =>
            new(after.ProgramTicks - before.ProgramTicks, after.PostgresTicks - before.PostgresTicks);

        /// <summary>"program + PostgreSQL" milliseconds of processor per piece of work.</summary>
        public string PerItem(int items) => string.Create(CultureInfo.InvariantCulture,
            $"{ProgramTicks * MillisecondsPerTick / items:0.00} + {PostgresTicks * MillisecondsPerTick / items:0.00}");
    }

    /// <summary>The process listening on the address's port on this machine, or null.</summary>
    public static int? ListenerOf(Uri address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var sockets = ListeningSockets(address.Port);
        if (sockets.Count == 0)
        {
            return null;
        }

        foreach (var process in Processes())
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries($"/proc/{process}/fd")
                    .Any(fd => new FileInfo(fd).LinkTarget is { } target && sockets.Contains(target)))
                {
                    return process;
                }
            }
            catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
            {
                // The process ended, or is not ours to read: it is not the listener we are looking for.
            }
        }

        return null;
    }

    /// <summary>Reads the program's processor time (none without a program) and all PostgreSQL processes'.</summary>
    public static Reading? Read(int? program)
    {
        if (program is not { } pid || Ticks(pid) is not { } ticks)
        {
            return null;
        }

        // A PostgreSQL backend whose connection closes exits, and its time would leave the sum with it (a reading could even
        // fall). The postmaster collects its exited children's time as its own "children" time, so counting that too keeps
        // the sum whole.
        return new Reading(ticks.Own, Processes().Select(Ticks).Where(t => t?.Command == "postgres")
            .Sum(t => t!.Value.Own + t.Value.Children));
    }

    /// <summary>Milliseconds per item between two readings, or "n/a" when either is missing.</summary>
    public static string PerItem(Reading? before, Reading? after, int items) =>
        before is { } start && after is { } end ? (end - start).PerItem(items) : "n/a";

    private static IEnumerable<int> Processes() =>
        Directory.Exists("/proc")
            ? Directory.EnumerateDirectories("/proc").Select(Path.GetFileName).Select(name => int.TryParse(name, out var pid) ? pid : 0)
                .Where(pid => pid > 0)
            : [];

    /// <summary>A process's own processor ticks, and those of its children that have ended and been collected by it.</summary>
    private static (string Command, long Own, long Children)? Ticks(int pid)
    {
        try
        {
            // "pid (command) state ppid ...": the command may hold spaces, so fields are counted after its closing bracket.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var open = stat.IndexOf('(', StringComparison.Ordinal);
            var close = stat.LastIndexOf(')');
            var fields = stat[(close + 2)..].Split(' ');
            // utime and stime are the stat line's 14th and 15th fields (the 12th and 13th after the command), cutime and
            // cstime its 16th and 17th.
            return (stat[(open + 1)..close], Field(fields, 11) + Field(fields, 12), Field(fields, 13) + Field(fields, 14));
        }
        catch (Exception gone) when (gone is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static long Field(string[] fields, int index) => long.Parse(fields[index], CultureInfo.InvariantCulture);

    /// <summary>The "socket:[inode]" names of the sockets listening on the port, from /proc/net/tcp and tcp6.</summary>
    private static HashSet<string> ListeningSockets(int port)
    {
        var sockets = new HashSet<string>(StringComparer.Ordinal);
        var local = $":{port:X4}";
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                // sl, local address, remote address, state (0A is listening), queues, timer, retransmits, uid, timeout, inode
                if (fields.Length > 9 && fields[1].EndsWith(local, StringComparison.Ordinal) && fields[3] == "0A")
                {
                    sockets.Add($"socket:[{fields[9]}]");
                }
            }
        }

        return sockets;
    }
}
