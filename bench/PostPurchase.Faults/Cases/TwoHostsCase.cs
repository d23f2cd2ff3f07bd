using System.Diagnostics;
using PostPurchase.Faults.Rig;

namespace PostPurchase.Faults.Cases;

/// <summary>
/// Two Host processes on one storage account (the same Azurite, queue and tables; two ports): first one Host alone takes a
/// load, then both take the same load with every request sent to one of them at random and a share to both. Messages a
/// provider got twice and wake-ups applied twice must be 0, both Hosts must do part of the work, and the figures say what the
/// second Host adds (orders finished and messages per second, both against one alone).
/// </summary>
internal static class TwoHostsCase
{
    /// <summary>Share of requests sent to both Hosts at once.</summary>
    private const double BothShare = 0.1;

    public static async Task RunAsync(CaseContext context)
    {
        var settings = context.Settings;
        await using var rig = await FaultRig.StartAsync(settings);
        var first = rig.Runtime("host-a", settings.Port, AppliedLog.Settings);
        var second = rig.Runtime("host-b", settings.SecondPort, AppliedLog.Settings);
        await first.StartAsync(TimeSpan.FromMinutes(3));
        var clock = TimeProvider.System;
        var stamp = $"{clock.GetUtcNow():HHmmss}";
        Console.WriteLine($"two hosts: {settings.Orders} orders at {settings.Rate}/s on one Host, then the same on two ({BothShare:P0} of requests to both), step {settings.StepSeconds} s");

        var loadAlone = MachineLoad.Now();
        using var alone = FaultRig.Client(first);
        var (soloTraffic, _) = await PhaseAsync(context, rig, alone, alone, $"s{stamp}");
        var afterAlone = MachineLoad.Now();

        await second.StartAsync(TimeSpan.FromMinutes(3));
        var split = new SplitHandler(first.BaseUrl, second.BaseUrl, BothShare, seed: 5);
        using var both = new HttpClient(split) { BaseAddress = first.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        using var reads = new HttpClient(new SplitHandler(first.BaseUrl, second.BaseUrl, 0, seed: 6)) { BaseAddress = first.BaseUrl, Timeout = TimeSpan.FromSeconds(60) };
        var textsBefore = (A: rig.Twilio.SentVia(settings.Port), B: rig.Twilio.SentVia(settings.SecondPort));
        var (pairTraffic, pairAudit) = await PhaseAsync(context, rig, both, reads, $"p{stamp}");
        var afterPair = MachineLoad.Now();
        var (toA, toB, toBoth) = split.Sent;
        Console.WriteLine($"  requests: host-a only {toA}, host-b only {toB}, both {toBoth}");

        var applied = AppliedLog.Read([first, second], $"p{stamp}");
        var soloApplied = AppliedLog.Read([first], $"s{stamp}");
        foreach (var example in applied.WakeUpsTwice.Concat(applied.InputsTwice).Concat(soloApplied.WakeUpsTwice).Take(5))
        {
            Console.WriteLine($"  applied twice: {example}");
        }
        var a = applied.ByRuntime[first.Name];
        var b = applied.ByRuntime[second.Name];
        var textsA = rig.Twilio.SentVia(settings.Port) - textsBefore.A;
        var textsB = rig.Twilio.SentVia(settings.SecondPort) - textsBefore.B;
        var loads = $"{loadAlone} → {afterAlone} → {afterPair}";
        var fault = $"two Hosts on one storage account, {settings.Orders} orders at {settings.Rate}/s";
        var duplicates = rig.Emails.Duplicates + rig.Texts.Duplicates;
        context.Add(fault, "duplicate provider deliveries (by message key) / ACS requests repeated under one Operation-Id", $"{duplicates} / {rig.Emails.Repeats}", "0 / -", duplicates == 0, loads);
        var twice = applied.WakeUpsTwice.Count + soloApplied.WakeUpsTwice.Count;
        context.Add(fault, "wake-ups applied twice / other inputs applied twice (engine's applied-input log, both Hosts)",
            $"{twice} of {a.WakeUps + b.WakeUps} wake-ups / {applied.InputsTwice.Count + soloApplied.InputsTwice.Count}", "0 / 0", twice == 0 && applied.InputsTwice.Count == 0, loads);
        context.Add(fault, "share of work, host-a / host-b: inputs applied (wake-ups) / texts sent",
            $"{a.Inputs} ({a.WakeUps}) / {b.Inputs} ({b.WakeUps}); texts {textsA} / {textsB}", "both > 0", a.Inputs > 0 && b.Inputs > 0 && textsA > 0 && textsB > 0, loads);
        context.Add(fault, "one Host alone: orders finished / messages per second", $"{soloTraffic}", "", null, $"{loadAlone} → {afterAlone}");
        context.Add(fault, "two Hosts: orders finished / messages per second", $"{pairTraffic} ({pairTraffic.MessagesPerSecond / Math.Max(0.001, soloTraffic.MessagesPerSecond):F2}× one)",
            "both progress", null, $"{afterAlone} → {afterPair}");
        context.Add(fault, "two Hosts: unfinished / failed / lost / ETag races lost and decided again (a / b)",
            $"{pairAudit.Unfinished} / {pairAudit.Failed} / {pairAudit.Lost} / {applied.Conflicts.GetValueOrDefault(first.Name)} / {applied.Conflicts.GetValueOrDefault(second.Name)}",
            "0 / 0 / 0 / -", pairAudit.Unfinished == 0 && pairAudit.Failed == 0 && pairAudit.Lost == 0, loads);
    }

    /// <summary>One stretch of load through <paramref name="http"/>, audited through <paramref name="audit"/>.</summary>
    private static async Task<(Throughput Traffic, AuditFindings Audit)> PhaseAsync(CaseContext context, FaultRig rig, HttpClient http, HttpClient audit, string runId)
    {
        var settings = context.Settings;
        var client = new ShopClient(http, TimeSpan.FromMinutes(10));
        var clock = TimeProvider.System;
        var flow = new OrderFlow(client, clock, TimeSpan.FromSeconds(settings.StepSeconds), runId, OrderFlow.DaytimeZone(clock.GetUtcNow()));
        var before = rig.Emails.Delivered + rig.Texts.Delivered;
        var start = Stopwatch.GetTimestamp();
        var traces = await Drive.OpenLoopAsync(settings.Orders, settings.Rate, i => flow.DriveAsync(i, CancellationToken.None), Stopwatch.StartNew());
        var findings = await new OrderAudit(audit, rig.Emails, rig.Texts).SettleAsync(traces, TimeSpan.FromMinutes(settings.SettleMinutes), CancellationToken.None, TimeSpan.FromSeconds(2));
        var traffic = Throughput.Measure(rig, start, before, findings);
        foreach (var example in findings.Examples(25))
        {
            Console.WriteLine($"  unfinished: {example}");
        }
        Console.WriteLine($"  {runId}: {traffic}; 5xx other than 503: {client.UnexpectedServerErrors}");
        return (traffic, findings);
    }
}
