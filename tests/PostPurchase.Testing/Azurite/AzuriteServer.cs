using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PostPurchase.Testing.Azurite;

/// <summary>
/// A real Azurite (Azure Storage emulator) on free loopback ports, in memory, for integration tests.
/// Start it once per test assembly through a collection fixture; Stop and Start simulate an outage
/// on the same ports, so clients built from <see cref="ConnectionString"/> keep working afterwards.
/// </summary>
public sealed class AzuriteServer : IDisposable
{
    private const string AccountName = "devstoreaccount1";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private const int StartAttempts = 3;

    private readonly string _executable;
    private readonly string _workingDirectory;
    private readonly Lock _gate = new();
    private Process? _process;

    private readonly string? _location;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _errors = new();

    /// <summary>Starts an in-memory Azurite on three free ports and waits until they answer.</summary>
    public AzuriteServer()
        : this(location: null)
    {
    }

    /// <summary>Starts Azurite keeping its data in <paramref name="location"/>, so it survives Stop and Start (the outage tests).</summary>
    public static AzuriteServer Persistent(string location) => new(location);

    private AzuriteServer(string? location)
    {
        _location = location;
        _workingDirectory = FindRepositoryRoot();
        _executable = Path.Combine(_workingDirectory, "node_modules", ".bin", "azurite");
        if (!File.Exists(_executable))
        {
            throw new InvalidOperationException(
                $"Azurite is not installed at {_executable}. Run 'npm ci' at the repository root first.");
        }

        // A free port can be taken by another process between choosing it and Azurite binding it: choose again then.
        for (var attempt = 1; ; attempt++)
        {
            (BlobPort, QueuePort, TablePort) = FreePorts();
            try
            {
                Start();
                return;
            }
            catch (AzuriteExitedException) when (attempt < StartAttempts)
            {
                lock (_gate)
                {
                    // It has exited: nothing to stop, and its ports may well answer for whoever took them.
                    _process?.Dispose();
                    _process = null;
                }
            }
        }
    }

    /// <summary>The blob endpoint port.</summary>
    public int BlobPort { get; private set; }

    /// <summary>The queue endpoint port.</summary>
    public int QueuePort { get; private set; }

    /// <summary>The table endpoint port.</summary>
    public int TablePort { get; private set; }

    /// <summary>True while the Azurite process is running.</summary>
    public bool IsRunning
    {
        get { lock (_gate) { return _process is { HasExited: false }; } }
    }

    /// <summary>A storage connection string for the well-known development account on this server's ports.</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{AccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{AccountName};";

    /// <summary>Starts the process (again) on the same ports; waits until every port answers.</summary>
    public void Start()
    {
        lock (_gate)
        {
            if (_process is { HasExited: false })
            {
                return;
            }

            var info = new ProcessStartInfo(_executable)
            {
                WorkingDirectory = _workingDirectory,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            string[] persistence = _location is null ? ["--inMemoryPersistence"] : ["--location", _location];
            foreach (var argument in persistence.Concat(new[]
            {
                "--silent", "--skipApiVersionCheck",
                "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
            }))
            {
                info.ArgumentList.Add(argument);
            }

            var process = Process.Start(info) ?? throw new InvalidOperationException("Azurite did not start.");
            _errors.Clear();
            process.OutputDataReceived += static (_, _) => { };
            process.ErrorDataReceived += (_, e) =>
            {
                if (e.Data is { Length: > 0 } line && _errors.Count < 20)
                {
                    _errors.Enqueue(line);
                }
            };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            _process = process;
        }

        WaitUntil(() => PortAnswers(BlobPort) && PortAnswers(QueuePort) && PortAnswers(TablePort), "answer");
    }

    /// <summary>Kills the process tree and waits until the ports stop answering (an outage).</summary>
    public void Stop()
    {
        lock (_gate)
        {
            if (_process is null)
            {
                return;
            }

            if (!_process.HasExited)
            {
                // Ask first so an on-disk Azurite flushes its data (an outage, not a wipe); its store also saves itself every
                // few seconds, so waiting a little longer than that before killing keeps every acknowledged write.
                if (_location is not null && !OperatingSystem.IsWindows())
                {
                    using var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                    term.WaitForExit();
                    _process.WaitForExit(TimeSpan.FromSeconds(6));
                }

                if (!_process.HasExited)
                {
                    _process.Kill(entireProcessTree: true);
                }

                _process.WaitForExit();
            }

            _process.Dispose();
            _process = null;
        }

        WaitUntil(() => !PortAnswers(TablePort) && !PortAnswers(QueuePort), "close");
    }

    /// <inheritdoc />
    public void Dispose() => Stop();

    private void WaitUntil(Func<bool> condition, string what)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            lock (_gate)
            {
                if (what == "answer" && _process is { HasExited: true } exited)
                {
                    throw new AzuriteExitedException(
                        $"Azurite exited with code {exited.ExitCode} before ports {BlobPort}/{QueuePort}/{TablePort} answered: {string.Join(" | ", _errors)}");
                }
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"Azurite ports {BlobPort}/{QueuePort}/{TablePort} did not {what} within {StartTimeout}.");
            }

            Thread.Sleep(50);
        }
    }

    private static bool PortAnswers(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Three distinct free ports: each is held until all are chosen, so the system cannot hand one out twice.</summary>
    private static (int Blob, int Queue, int Table) FreePorts()
    {
        var listeners = Enumerable.Range(0, 3).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
            return (ports[0], ports[1], ports[2]);
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "package.json")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No package.json found above {AppContext.BaseDirectory}; AzuriteServer must run inside the repository.");
    }
}
