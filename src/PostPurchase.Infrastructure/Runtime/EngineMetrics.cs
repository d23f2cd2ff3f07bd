using System.Diagnostics.Metrics;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>The engine's instruments on the <c>PostPurchase</c> meter.</summary>
internal sealed class EngineMetrics
{
    public const string MeterName = "PostPurchase";
    private readonly Counter<long> _inputs;
    private readonly Counter<long> _messages;
    private readonly Histogram<double> _wakeLateness;
    private readonly Histogram<double> _applyLatency;
    private readonly Histogram<double> _acceptedToApplied;
    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _poison;

    public EngineMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(MeterName);
        _inputs = meter.CreateCounter<long>("postpurchase.inputs.processed", description: "Timeline inputs handled, by type and outcome.");
        _messages = meter.CreateCounter<long>("postpurchase.messages", description: "Messages by intent, channel and status.");
        _wakeLateness = meter.CreateHistogram<double>("postpurchase.wakeup.lateness", "ms", "How late wake-ups fired after their due time.");
        _applyLatency = meter.CreateHistogram<double>("postpurchase.inputs.apply_duration", "ms", "Time to apply one input (load, decide, render, commit).");
        _acceptedToApplied = meter.CreateHistogram<double>("postpurchase.inputs.latency", "ms", "From accepting an input (intake, webhook) to its decision being committed.");
        _conflicts = meter.CreateCounter<long>("postpurchase.conflicts", description: "State writes lost to a concurrent writer and retried.");
        _poison = meter.CreateCounter<long>("postpurchase.inputs.poison", description: "Inputs moved to the poison table.");
    }

    public void Input(string type, string outcome) =>
        _inputs.Add(1, new KeyValuePair<string, object?>("type", type), new KeyValuePair<string, object?>("outcome", outcome));

    public void Message(string intent, string channel, string status) =>
        _messages.Add(1, new("intent", intent), new("channel", channel), new("status", status));

    public void WakeLateness(TimeSpan lateness) => _wakeLateness.Record(Math.Max(0, lateness.TotalMilliseconds));

    public void ApplyDuration(TimeSpan duration) => _applyLatency.Record(duration.TotalMilliseconds);

    public void AcceptedToApplied(TimeSpan latency) => _acceptedToApplied.Record(Math.Max(0, latency.TotalMilliseconds));

    public void Conflict() => _conflicts.Add(1);

    public void Poison() => _poison.Add(1);
}
