using System.Diagnostics;
using PostPurchase.Faults.Rig;

namespace PostPurchase.Faults.Cases;

/// <summary>
/// How many messages a second one runtime hands to its providers when every email takes 1 s to be answered by ACS and every
/// text 300 ms by Twilio (the stand-ins sleep), and then, with an ACS quota of so many emails a minute, that its 429 and
/// Retry-After are honoured: no send comes back before the pause is over, none fails, none is sent twice.
/// </summary>
internal static class SendRateCase
{
    private static readonly TimeSpan EmailLatency = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan TextLatency = TimeSpan.FromMilliseconds(300);
    private const int Quota = 120;

    public static async Task RunAsync(CaseContext context)
    {
        var settings = context.Settings;
        await using var rig = await FaultRig.StartAsync(settings);
        rig.Acs.Behaviour.Latency = EmailLatency;
        rig.Twilio.Behaviour.Latency = TextLatency;
        // Warnings only, as a shop would run it: every HTTP call at Information costs more CPU than the send itself.
        var runtime = rig.Runtime($"{settings.Runtime}-send-rate", settings.Port, new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
        await runtime.StartAsync(TimeSpan.FromMinutes(3));
        using var http = FaultRig.Client(runtime);
        var client = new ShopClient(http, TimeSpan.FromMinutes(10));
        var clock = TimeProvider.System;
        var flow = new OrderFlow(client, clock, TimeSpan.FromSeconds(0.5), $"r{clock.GetUtcNow():HHmmss}", OrderFlow.DaytimeZone(clock.GetUtcNow()));
        var orders = settings.Orders;
        Console.WriteLine($"send rate: {orders} orders at {settings.Rate}/s, emails answered after {EmailLatency.TotalMilliseconds} ms, texts after {TextLatency.TotalMilliseconds} ms");
        var load = MachineLoad.Now();

        var run = Stopwatch.StartNew();
        var sampler = SampleAsync(rig, run);
        var traces = await Drive.OpenLoopAsync(orders, settings.Rate, i => flow.DriveAsync(i, CancellationToken.None), run);
        var audit = await new OrderAudit(http, rig.Emails, rig.Texts).SettleAsync(traces, TimeSpan.FromMinutes(5), CancellationToken.None);
        var samples = await sampler.StopAsync();
        var loadAfter = MachineLoad.Now();
        var loads = $"{load} → {loadAfter}";
        var (peak, overall) = Rates(samples);
        var fault = $"emails 1 s, texts 300 ms, {orders} orders at {settings.Rate}/s";
        context.Add(fault, "messages handed to providers per second: best 10 s / whole run", $"{peak:F0} / {overall:F0} ({rig.Emails.Delivered} emails, {rig.Texts.Delivered} texts)",
            ">= 100", peak >= 100, loads);
        context.Add(fault, "duplicates / failed / unfinished", $"{rig.Emails.Duplicates + rig.Texts.Duplicates} / {audit.Failed} / {audit.Unfinished}", "0 / 0 / 0",
            rig.Emails.Duplicates + rig.Texts.Duplicates == 0 && audit.Failed == 0 && audit.Unfinished == 0, loads);

        await QuotaAsync(context, rig, http, client, clock);
    }

    private static async Task QuotaAsync(CaseContext context, FaultRig rig, HttpClient http, ShopClient client, TimeProvider clock)
    {
        rig.Acs.Behaviour.PerMinuteQuota = Quota;
        rig.Acs.Behaviour.Latency = TimeSpan.FromMilliseconds(50);
        var before = (Emails: rig.Emails.Delivered, Refused: rig.Emails.Refused);
        var orders = Quota / 3; // about six emails each: two minutes of quota
        Console.WriteLine($"ACS quota: {Quota} emails a minute, {orders} more orders at 10/s");
        var load = MachineLoad.Now();
        var flow = new OrderFlow(client, clock, TimeSpan.FromSeconds(0.5), $"q{clock.GetUtcNow():HHmmss}", OrderFlow.DaytimeZone(clock.GetUtcNow()));
        var run = Stopwatch.StartNew();
        var traces = await Drive.OpenLoopAsync(orders, 10, i => flow.DriveAsync(i, CancellationToken.None), run);
        var audit = await new OrderAudit(http, rig.Emails, rig.Texts).SettleAsync(traces, TimeSpan.FromMinutes(8), CancellationToken.None);
        var took = run.Elapsed;
        var emails = rig.Emails.Delivered - before.Emails;
        var loads = $"{load} → {MachineLoad.Now()}";
        var fault = $"ACS quota {Quota}/min, {orders} orders";
        context.Add(fault, "emails delivered / 429s answered / sends before Retry-After was over", $"{emails} in {took.TotalSeconds:F0} s / {rig.Emails.Refused - before.Refused} / {rig.Acs.Behaviour.EarlyRetries}",
            "early 0", rig.Acs.Behaviour.EarlyRetries == 0, loads);
        context.Add(fault, "emails failed / duplicates / timelines unfinished", $"{audit.Failed} / {rig.Emails.Duplicates} / {audit.Unfinished}", "0 / 0 / 0",
            audit.Failed == 0 && rig.Emails.Duplicates == 0 && audit.Unfinished == 0, loads);
    }

    /// <summary>The best rate over any 10 s and the rate from the first delivery to the last, from one-second samples.</summary>
    private static (double Peak, double Overall) Rates(IReadOnlyList<(TimeSpan At, int Messages)> samples)
    {
        var peak = 0.0;
        for (var i = 10; i < samples.Count; i++)
        {
            peak = Math.Max(peak, (samples[i].Messages - samples[i - 10].Messages) / (samples[i].At - samples[i - 10].At).TotalSeconds);
        }
        var first = samples.FirstOrDefault(s => s.Messages > 0);
        var last = samples.Count > 0 ? samples[^1].Messages : 0;
        var end = samples.FirstOrDefault(s => s.Messages == last);
        var span = (end.At - first.At).TotalSeconds;
        return (peak, span > 0 ? (last - first.Messages) / span : 0);
    }

    private static Sampler SampleAsync(FaultRig rig, Stopwatch run) => new(rig, run);

    /// <summary>Counts both ledgers once a second until stopped.</summary>
    private sealed class Sampler
    {
        private readonly List<(TimeSpan, int)> _samples = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public Sampler(FaultRig rig, Stopwatch run) => _loop = Task.Run(async () =>
        {
            using var tick = new PeriodicTimer(TimeSpan.FromSeconds(1));
            while (await tick.WaitForNextTickAsync(_stop.Token).AsTask().ContinueWith(t => t.Status == TaskStatus.RanToCompletion && t.Result, TaskScheduler.Default))
            {
                _samples.Add((run.Elapsed, rig.Emails.Delivered + rig.Texts.Delivered));
            }
        });

        public async Task<IReadOnlyList<(TimeSpan At, int Messages)>> StopAsync()
        {
            await _stop.CancelAsync();
            await _loop;
            _stop.Dispose();
            return _samples;
        }
    }
}
