using System.Text.Json;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// What each runtime applied, read from its own log: the engine logs every committed input with its id at Debug (the
/// <c>TimelineApplier</c> category), and a wake-up's id is its due time. An id committed more than once for one order, in one
/// process or across both, is an input applied twice; for a wake-up, a wake-up fired twice.
/// </summary>
internal sealed class AppliedLog
{
    /// <summary>The settings that make a Host log each applied input (JSON console, Production).</summary>
    public static IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Logging__LogLevel__Default"] = "Warning",
        ["Logging__LogLevel__PostPurchase.Infrastructure.Runtime.TimelineApplier"] = "Debug",
    };

    private readonly Dictionary<(string OrderId, string InputId), int> _applied = [];

    /// <summary>Inputs each log's runtime committed, by log, with how many of them were wake-ups.</summary>
    public Dictionary<string, (int Inputs, int WakeUps)> ByRuntime { get; } = new(StringComparer.Ordinal);

    /// <summary>ETag races each runtime lost and decided again (the engine logs each at Information).</summary>
    public Dictionary<string, int> Conflicts { get; } = new(StringComparer.Ordinal);

    /// <summary>Wake-ups (order and due time) committed more than once.</summary>
    public IReadOnlyList<string> WakeUpsTwice => [.. _applied.Where(p => p.Value > 1 && p.Key.InputId.StartsWith("wake:", StringComparison.Ordinal)).Select(p => $"{p.Key.OrderId} {p.Key.InputId}")];

    /// <summary>Other inputs committed more than once (the inbox or a raised input applied twice).</summary>
    public IReadOnlyList<string> InputsTwice => [.. _applied.Where(p => p.Value > 1 && !p.Key.InputId.StartsWith("wake:", StringComparison.Ordinal)).Select(p => $"{p.Key.OrderId} {p.Key.InputId}")];

    /// <summary>Reads the logs of the given runtimes, counting only the orders of this run (ids starting with <paramref name="runId"/>).</summary>
    public static AppliedLog Read(IEnumerable<RuntimeUnderTest> runtimes, string runId)
    {
        var log = new AppliedLog();
        foreach (var runtime in runtimes)
        {
            int inputs = 0, wakeUps = 0, conflicts = 0;
            foreach (var line in File.ReadLines(runtime.Log))
            {
                if (line.Contains("deciding again", StringComparison.Ordinal) && line.Contains(runId, StringComparison.Ordinal))
                {
                    conflicts++;
                    continue;
                }
                if (!line.Contains("\"InputId\"", StringComparison.Ordinal) || !line.StartsWith('{'))
                {
                    continue;
                }
                using var json = JsonDocument.Parse(line);
                var state = json.RootElement.GetProperty("State");
                var orderId = state.GetProperty("OrderId").GetString() ?? "";
                var inputId = state.GetProperty("InputId").GetString() ?? "";
                if (!orderId.StartsWith(runId, StringComparison.Ordinal))
                {
                    continue;
                }
                inputs++;
                wakeUps += inputId.StartsWith("wake:", StringComparison.Ordinal) ? 1 : 0;
                log._applied[(orderId, inputId)] = log._applied.GetValueOrDefault((orderId, inputId)) + 1;
            }
            log.ByRuntime[runtime.Name] = (inputs, wakeUps);
            log.Conflicts[runtime.Name] = conflicts;
        }
        return log;
    }
}
