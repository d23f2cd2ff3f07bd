using System.Diagnostics;
using PostPurchase.Faults.Rig;

namespace PostPurchase.Faults.Cases;

/// <summary>
/// Storage unreachable for a minute while orders flow (the proxy in front of Azurite resets every connection): meanwhile
/// requests must be refused with 503 (never another 5xx), <c>/health</c> must never say healthy, and whatever was acknowledged
/// must be stored; afterwards the runtime must recover (with the platform's restart where its host ends itself, see
/// <see cref="PlatformStandIn"/>), and nothing acknowledged may be lost.
/// </summary>
internal static class OutageCase
{
    /// <summary>How long a runtime may stay unhealthy after storage returned before the platform stand-in recycles it.</summary>
    private static readonly TimeSpan RecycleAfter = TimeSpan.FromMinutes(2);

    public static async Task RunAsync(CaseContext context)
    {
        var settings = context.Settings;
        await using var rig = await FaultRig.StartAsync(settings);
        var runtime = rig.Runtime($"{settings.Runtime}-outage", settings.Port);
        await runtime.StartAsync(TimeSpan.FromMinutes(3));
        using var http = FaultRig.Client(runtime);
        var client = new ShopClient(http, TimeSpan.FromMinutes(10));
        var clock = TimeProvider.System;
        var flow = new OrderFlow(client, clock, TimeSpan.FromSeconds(settings.StepSeconds), $"o{clock.GetUtcNow():HHmmss}", OrderFlow.DaytimeZone(clock.GetUtcNow()));
        var outage = TimeSpan.FromSeconds(settings.OutageSeconds);
        var orders = (int)Math.Ceiling(settings.Rate * (outage.TotalSeconds + 60));
        Console.WriteLine($"storage outage: {orders} orders at {settings.Rate}/s; storage cut off from 30 s for {outage.TotalSeconds:F0} s");
        var load = MachineLoad.Now();

        var run = Stopwatch.StartNew();
        var driving = Drive.OpenLoopAsync(orders, settings.Rate, i => flow.DriveAsync(i, CancellationToken.None), run);
        await Task.Delay(TimeSpan.FromSeconds(30));
        var before = Snapshot(client);
        rig.Proxy.Unavailable = true;
        var cut = Stopwatch.StartNew();
        var health = new Dictionary<int, int>();
        while (cut.Elapsed < outage)
        {
            var code = await PlatformStandIn.HealthAsync(http);
            health[code] = health.GetValueOrDefault(code) + 1;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        var during = Snapshot(client);
        rig.Proxy.Unavailable = false;
        var back = Stopwatch.StartNew();
        var patience = TimeSpan.FromMinutes(settings.SettleMinutes);
        var platform = new PlatformStandIn(runtime, RecycleAfter);
        if (!await platform.WaitHealthyAsync(http, patience))
        {
            // A runtime that never recovers is the finding: report it instead of waiting for ever.
            context.Add($"storage unreachable {outage.TotalSeconds:F0} s", "recovery: healthy after storage returned", $"not within {patience.TotalMinutes:F0} min",
                "healthy", false, $"{load} → {MachineLoad.Now()}");
            return;
        }
        var healthy = back.Elapsed;
        var probe = await client.SendAsync(() => OrderFlow.Json("/api/orders", flow.Intake(new OrderTrace($"probe-{clock.GetUtcNow():HHmmss}", "FHPROBE1"), 9_999_999,
            clock.GetUtcNow(), clock.GetUtcNow().AddDays(1), clock.GetUtcNow().AddDays(3)), apiKey: HarnessSecrets.ApiKey), CancellationToken.None);
        var accepting = back.Elapsed;
        var traces = await driving;
        var loadAfter = MachineLoad.Now();
        Console.WriteLine($"  healthy {healthy.TotalSeconds:F1} s after storage came back, first intake acknowledged after {accepting.TotalSeconds:F1} s ({probe}); auditing...");
        var audit = await new OrderAudit(http, rig.Emails, rig.Texts).SettleAsync(traces, TimeSpan.FromMinutes(settings.SettleMinutes), CancellationToken.None);
        await AuditDetails.PrintAsync(settings, rig, runtime, audit);
        var after = Snapshot(client);
        Console.WriteLine($"  answers after storage returned: {string.Join(", ", after.Select(p => $"{p.Key}: {p.Value - during.GetValueOrDefault(p.Key)}"))}");
        var answered = during.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));
        string Count(Func<int, bool> which) => $"{answered.Where(p => int.TryParse(p.Key, out var c) && which(c)).Sum(p => p.Value)}";
        var other5xx = long.Parse(Count(c => c >= 500 && c != 503), System.Globalization.CultureInfo.InvariantCulture);
        var loads = $"{load} → {loadAfter}";
        var fault = $"storage unreachable {outage.TotalSeconds:F0} s, {orders} orders";
        context.Add(fault, "answers meanwhile: 503 / other 5xx / 2xx / no answer",
            $"{Count(c => c == 503)} / {other5xx} / {Count(c => c < 300)} / {answered.GetValueOrDefault("no answer")}", "other 5xx 0", other5xx == 0, loads);
        // A runtime that is down answers nothing: that is never "healthy", but it is counted apart from the 503s of one that is up.
        var other = health.Where(p => p.Key is not (0 or 200 or 503)).Sum(p => p.Value);
        context.Add(fault, "/health meanwhile (503 / no answer / 200 / other)",
            $"{health.GetValueOrDefault(503)} / {health.GetValueOrDefault(0)} / {health.GetValueOrDefault(200)} / {other}",
            "no 200, no other", health.GetValueOrDefault(200) == 0 && other == 0, loads);
        context.Add(fault, "recovery: healthy / intake acknowledged after storage returned", $"{healthy.TotalSeconds:F1} s / {accepting.TotalSeconds:F1} s", "", null, loads);
        context.Add(fault, $"platform: restarted after exiting / recycled after {RecycleAfter.TotalMinutes:F0} min unhealthy", $"{platform.Restarted} / {platform.Recycled}", "", null, loads);
        context.Add(fault, $"acknowledged inputs lost / timelines unfinished after {settings.SettleMinutes:F0} min / intakes never acknowledged", $"{audit.Lost} / {audit.Unfinished} / {audit.NeverAcknowledged}",
            "0 / 0 / -", audit.Lost == 0 && audit.Unfinished == 0, loads);
        var duplicates = rig.Emails.Duplicates + rig.Texts.Duplicates;
        context.Add(fault, "duplicate deliveries / messages failed", $"{duplicates} / {audit.Failed}", "0 / 0", duplicates == 0 && audit.Failed == 0, loads);
    }

    private static Dictionary<string, long> Snapshot(ShopClient client) => client.Answers.ToDictionary(p => p.Key, p => p.Value);
}
