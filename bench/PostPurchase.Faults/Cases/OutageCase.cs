using System.Diagnostics;
using PostPurchase.Faults.Rig;

namespace PostPurchase.Faults.Cases;

/// <summary>
/// Storage unreachable for a minute while orders flow (the proxy in front of Azurite resets every connection): meanwhile
/// requests must be refused with 503 (never another 5xx), <c>/health</c> must say unhealthy, and whatever was acknowledged
/// must be stored; afterwards the runtime must recover by itself, and nothing acknowledged may be lost.
/// </summary>
internal static class OutageCase
{
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
            var code = await HealthAsync(http);
            health[code] = health.GetValueOrDefault(code) + 1;
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        var during = Snapshot(client);
        rig.Proxy.Unavailable = false;
        var back = Stopwatch.StartNew();
        var patience = TimeSpan.FromMinutes(settings.SettleMinutes);
        while (await HealthAsync(http) != 200)
        {
            if (back.Elapsed > patience)
            {
                // A runtime that never recovers is the finding: report it instead of waiting for ever.
                context.Add($"storage unreachable {outage.TotalSeconds:F0} s", "recovery: healthy after storage returned", $"not within {patience.TotalMinutes:F0} min",
                    "healthy", false, $"{load} → {MachineLoad.Now()}");
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
        var healthy = back.Elapsed;
        var probe = await client.SendAsync(() => OrderFlow.Json("/api/orders", flow.Intake(new OrderTrace($"probe-{clock.GetUtcNow():HHmmss}", "FHPROBE1"), 9_999_999,
            clock.GetUtcNow(), clock.GetUtcNow().AddDays(1), clock.GetUtcNow().AddDays(3)), apiKey: HarnessSecrets.ApiKey), CancellationToken.None);
        var accepting = back.Elapsed;
        var traces = await driving;
        var loadAfter = MachineLoad.Now();
        Console.WriteLine($"  healthy {healthy.TotalSeconds:F1} s after storage came back, first intake acknowledged after {accepting.TotalSeconds:F1} s ({probe}); auditing...");
        var audit = await new OrderAudit(http, rig.Emails, rig.Texts).SettleAsync(traces, TimeSpan.FromMinutes(settings.SettleMinutes), CancellationToken.None);
        foreach (var example in audit.Examples(5))
        {
            Console.WriteLine($"  unfinished: {example}");
        }

        var after = Snapshot(client);
        Console.WriteLine($"  answers after storage returned: {string.Join(", ", after.Select(p => $"{p.Key}: {p.Value - during.GetValueOrDefault(p.Key)}"))}");
        var answered = during.ToDictionary(p => p.Key, p => p.Value - before.GetValueOrDefault(p.Key));
        string Count(Func<int, bool> which) => $"{answered.Where(p => int.TryParse(p.Key, out var c) && which(c)).Sum(p => p.Value)}";
        var other5xx = long.Parse(Count(c => c >= 500 && c != 503), System.Globalization.CultureInfo.InvariantCulture);
        var loads = $"{load} → {loadAfter}";
        var fault = $"storage unreachable {outage.TotalSeconds:F0} s, {orders} orders";
        context.Add(fault, "answers meanwhile: 503 / other 5xx / 2xx / no answer",
            $"{Count(c => c == 503)} / {other5xx} / {Count(c => c < 300)} / {answered.GetValueOrDefault("no answer")}", "other 5xx 0", other5xx == 0, loads);
        var unhealthy = health.GetValueOrDefault(503);
        context.Add(fault, "/health meanwhile (503 / 200 / other)", $"{unhealthy} / {health.GetValueOrDefault(200)} / {health.Where(p => p.Key is not (200 or 503)).Sum(p => p.Value)}",
            "all 503", unhealthy == health.Values.Sum(), loads);
        context.Add(fault, "recovery: healthy / intake acknowledged after storage returned", $"{healthy.TotalSeconds:F1} s / {accepting.TotalSeconds:F1} s", "", null, loads);
        context.Add(fault, $"acknowledged inputs lost / timelines unfinished after {settings.SettleMinutes:F0} min / intakes never acknowledged", $"{audit.Lost} / {audit.Unfinished} / {audit.NeverAcknowledged}",
            "0 / 0 / -", audit.Lost == 0 && audit.Unfinished == 0, loads);
        var duplicates = rig.Emails.Duplicates + rig.Texts.Duplicates;
        context.Add(fault, "duplicate deliveries / messages failed", $"{duplicates} / {audit.Failed}", "0 / 0", duplicates == 0 && audit.Failed == 0, loads);
    }

    private static Dictionary<string, long> Snapshot(ShopClient client) => client.Answers.ToDictionary(p => p.Key, p => p.Value);

    private static async Task<int> HealthAsync(HttpClient http)
    {
        try
        {
            using var answer = await http.GetAsync("/health");
            return (int)answer.StatusCode;
        }
        catch (HttpRequestException)
        {
            return 0;
        }
    }
}
