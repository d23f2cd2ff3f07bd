using System.Diagnostics;
using PostPurchase.Load.Http;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// One runtime process (the Host, or the Function App under the Functions host) started from a command with its port filled
/// in: started, killed with SIGKILL and started again on the same port and storage, its output appended to one log.
/// </summary>
internal sealed class RuntimeUnderTest(string name, string commandTemplate, int port, IReadOnlyDictionary<string, string> environment, string log) : IAsyncDisposable
{
    private readonly HttpClient _probe = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(10) };
    private RuntimeProcess? _process;

    public string Name { get; } = name;

    public Uri BaseUrl { get; } = new($"http://127.0.0.1:{port}");

    public string Log { get; } = log;

    /// <summary>Times it was killed.</summary>
    public int Kills { get; private set; }

    /// <summary>How long each restart took until <c>/health</c> answered 200.</summary>
    public List<TimeSpan> Restarts { get; } = [];

    /// <summary>False once every process of the runtime has ended (it exited by itself, or was killed).</summary>
    public bool IsRunning => _process?.IsRunning ?? false;

    public async Task StartAsync(TimeSpan patience)
    {
        File.AppendAllText(Log, $"{Environment.NewLine}==== {Name} starting at {TimeProvider.System.GetUtcNow():O}{Environment.NewLine}");
        _process = RuntimeProcess.Start(commandTemplate.Replace("{port}", port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), environment, Log);
        await _process.WaitHealthyAsync(_probe, patience);
    }

    /// <summary>SIGKILL to the whole process group (host and worker): no shutdown code runs.</summary>
    public async Task KillAsync()
    {
        if (_process is { } process)
        {
            await process.KillAsync();
            Kills++;
        }
    }

    /// <summary>Kills, then starts again at once and waits for health; returns how long it was away.</summary>
    public async Task<TimeSpan> KillAndRestartAsync(TimeSpan patience)
    {
        var away = Stopwatch.StartNew();
        await KillAsync();
        if (_process is { } old)
        {
            await old.DisposeAsync();
        }
        await StartAsync(patience);
        Restarts.Add(away.Elapsed);
        return away.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            await process.DisposeAsync();
            _process = null;
        }
        _probe.Dispose();
    }
}
