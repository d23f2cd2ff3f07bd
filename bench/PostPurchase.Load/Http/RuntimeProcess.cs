using System.Diagnostics;

namespace PostPurchase.Load.Http;

/// <summary>
/// The runtime under test, started from a shell command in a session of its own (so it and its workers stop together), with
/// the driver's settings in its environment and its output in a log file.
/// </summary>
internal sealed class RuntimeProcess : IAsyncDisposable
{
    private readonly Process _process;

    private RuntimeProcess(Process process, string log) => (_process, Log) = (process, log);

    /// <summary>Where the runtime's console output goes.</summary>
    public string Log { get; }

    public static RuntimeProcess Start(string command, IReadOnlyDictionary<string, string> environment, string log)
    {
        // setsid makes the shell a process group leader: stopping the group stops whatever the command started.
        var start = new ProcessStartInfo("setsid", ["bash", "-c", $"{command} >>'{log}' 2>&1"]) { UseShellExecute = false };
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{command}'.");
        return new RuntimeProcess(process, log);
    }

    /// <summary>Waits until <c>GET /health</c> answers 200; fails with the log's tail when the runtime exits or never answers.</summary>
    public async Task WaitHealthyAsync(HttpClient http, TimeSpan patience)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < patience)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The runtime exited with {_process.ExitCode} before answering /health; see {Log}:\n{Tail()}");
            }
            try
            {
                using var answer = await http.GetAsync("/health");
                if (answer.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or too busy starting to answer within the client's timeout.
            }
            await Task.Delay(500);
        }
        throw new TimeoutException($"The runtime did not answer /health within {patience}; see {Log}:\n{Tail()}");
    }

    /// <summary>True while a process of the runtime's group still runs.</summary>
    public bool IsRunning => Signal("0");

    /// <summary>Kills the runtime's whole process group at once (SIGKILL: no shutdown code runs), as a crash or an OOM kill would.</summary>
    public async Task KillAsync()
    {
        Signal("KILL");
        var waited = Stopwatch.StartNew();
        while (Signal("0") && waited.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(50);
        }
    }

    /// <summary>Stops the runtime's process group: SIGTERM, and SIGKILL to whatever still runs 30 s later.</summary>
    public async ValueTask DisposeAsync()
    {
        Signal("TERM");
        var waited = Stopwatch.StartNew();
        while (Signal("0") && waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250);
        }
        if (Signal("0"))
        {
            Signal("KILL");
        }
        _process.Dispose();
    }

    /// <summary>Sends <paramref name="signal"/> to the runtime's process group; false when no process of it is left.</summary>
    private bool Signal(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", [$"-{signal}", "--", $"-{_process.Id}"])
        {
            UseShellExecute = false,
            RedirectStandardError = true,
        });
        if (kill is null)
        {
            return false;
        }
        kill.WaitForExit();
        return kill.ExitCode == 0;
    }

    private string Tail() => File.Exists(Log) ? string.Join('\n', File.ReadLines(Log).TakeLast(20)) : "(no output)";
}
