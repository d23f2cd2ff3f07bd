using System.Diagnostics;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Faults.Rig;

namespace PostPurchase.Faults.Cases;

/// <summary>
/// Part (b) of the provider case: orders flow while ACS is down for <c>--provider-down-minutes</c> from 30 s in (connection
/// refused for the first half, then every send answered 503), and 30 s after it returns. Meanwhile the merchant API and the
/// dashboard are read every 20 s for what they show of the emails; afterwards, how long until every email of the orders placed
/// during the outage was handed over or failed, and whether each reached ACS once.
/// </summary>
internal static class ProviderDownPart
{
    private static readonly TimeSpan Before = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan After = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(CaseContext context, FaultRig rig, HttpClient http, ShopClient client, MerchantView view)
    {
        var settings = context.Settings;
        var clock = TimeProvider.System;
        var down = TimeSpan.FromMinutes(settings.ProviderDownMinutes);
        var orders = (int)Math.Ceiling(settings.Rate * (Before + down + After).TotalSeconds);
        var runId = $"d{clock.GetUtcNow():HHmmss}";
        var flow = new OrderFlow(client, clock, TimeSpan.FromSeconds(settings.StepSeconds), runId, OrderFlow.DaytimeZone(clock.GetUtcNow()));
        var email = WireName.Of(Channel.Email);
        var before = LedgerSnapshot.Of(rig);
        var failedBefore = await view.DashboardFailedAsync(CancellationToken.None);
        Console.WriteLine($"(b) ACS down {down.TotalMinutes:F1} min (refused, then 503): {orders} orders at {settings.Rate}/s");
        var load = MachineLoad.Now();

        var run = Stopwatch.StartNew();
        var driving = Drive.OpenLoopAsync(orders, settings.Rate, i => flow.DriveAsync(i, CancellationToken.None), run);
        await Task.Delay(Before);
        await rig.Acs.DownAsync();
        var emailsAtCut = rig.Emails.Delivered;
        var cut = Stopwatch.StartNew();
        long retryingSeen = 0;
        var switched = false;
        while (cut.Elapsed < down)
        {
            if (!switched && cut.Elapsed >= down / 2)
            {
                rig.Acs.Behaviour.Unavailable = true;
                await rig.Acs.UpAsync();
                switched = true;
            }
            var shown = await view.CountAsync(Placed(runId, run.Elapsed, settings.Rate, orders), email, CancellationToken.None);
            retryingSeen = Math.Max(retryingSeen, shown.Retrying);
            Console.WriteLine($"  {run.Elapsed.TotalSeconds,5:F0} s, ACS {(switched ? "503" : "refusing connections")}: emails {shown}");
            await Task.Delay(TimeSpan.FromSeconds(20));
        }
        var duringOutage = rig.Emails.Delivered - emailsAtCut;
        var placedDuring = Placed(runId, run.Elapsed, settings.Rate, orders);
        var atReturn = await view.CountAsync(placedDuring, email, CancellationToken.None);
        var dashboardAtReturn = await view.DashboardFailedAsync(CancellationToken.None) - failedBefore;
        rig.Acs.Behaviour.Unavailable = false;
        await rig.Acs.UpAsync();
        var back = Stopwatch.StartNew();
        var backAt = Stopwatch.GetTimestamp();
        Console.WriteLine($"  {run.Elapsed.TotalSeconds,5:F0} s: ACS back; emails of the {placedDuring.Count} orders placed so far: {atReturn}; dashboard failed sends {dashboardAtReturn}");

        TimeSpan? drained = null;
        MessageCounts shownAfter;
        while (true)
        {
            shownAfter = await view.CountAsync(placedDuring, email, CancellationToken.None);
            if (shownAfter.Retrying + shownAfter.Waiting == 0)
            {
                drained = back.Elapsed;
                break;
            }
            if (back.Elapsed > TimeSpan.FromMinutes(settings.SettleMinutes))
            {
                break;
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
        var drainedAt = Stopwatch.GetTimestamp();
        var traces = await driving;
        var audit = await new OrderAudit(http, rig.Emails, rig.Texts).SettleAsync(traces, TimeSpan.FromMinutes(settings.SettleMinutes), CancellationToken.None);
        foreach (var example in audit.Examples(25))
        {
            Console.WriteLine($"  unfinished: {example}");
        }
        var all = await view.CountAsync(traces.Select(t => t.OrderId), email, CancellationToken.None);
        var dashboard = await view.DashboardFailedAsync(CancellationToken.None) - failedBefore;
        var after = LedgerSnapshot.Of(rig);
        var loads = $"{load} → {MachineLoad.Now()}";
        var fault = $"ACS down {down.TotalMinutes:F1} min (refused, then 503), {orders} orders at {settings.Rate}/s";
        context.Add(fault, "emails meanwhile: delivered / most shown retrying with the error (API) / at the return: retrying, waiting, failed / dashboard failed sends",
            $"{duringOutage} / {retryingSeen} / {atReturn.Retrying}, {atReturn.Waiting}, {atReturn.Failed} / {dashboardAtReturn}",
            "0 delivered, failures shown", duringOutage == 0 && retryingSeen > 0 && dashboardAtReturn == atReturn.Failed, loads);
        context.Add(fault, "time to drain after ACS returned (every email of the orders placed by then handed over or failed)",
            drained is { } d ? $"{d.TotalSeconds:F0} s" : $"not drained after {settings.SettleMinutes:F0} min ({shownAfter})", "", null, loads);
        context.Add(fault, "after the return: first email accepted / emails accepted from then until drained, per second / best 10 s",
            DrainPace(rig.Emails, backAt, drainedAt), "", null, loads);
        context.Add(fault, "emails delivered in the end / failed after every attempt (dashboard) / failed without an error / duplicates",
            $"{after.Emails - before.Emails} / {all.Failed} ({dashboard}) / {all.FailedSilently} / {after.Duplicates - before.Duplicates}",
            "all delivered, 0 twice", all.Failed == 0 && after.Duplicates == before.Duplicates, loads);
        context.Add(fault, $"timelines unfinished after {settings.SettleMinutes:F0} min / inputs lost", $"{audit.Unfinished} / {audit.Lost}", "0 / 0",
            audit.Unfinished == 0 && audit.Lost == 0, loads);
    }

    /// <summary>How the backlog went once ACS was back: the wait for its first acceptance (the circuit's break), then the pace.</summary>
    private static string DrainPace(DeliveryLedger emails, long backAt, long drainedAt)
    {
        if (emails.FirstDeliveredAfter(backAt) is not { } first)
        {
            return "none accepted";
        }

        var second = Stopwatch.Frequency;
        var count = emails.DeliveredBetween(first, drainedAt + 1);
        var took = Stopwatch.GetElapsedTime(first, drainedAt);
        var peak = 0;
        for (var from = first; from < drainedAt; from += second)
        {
            peak = Math.Max(peak, emails.DeliveredBetween(from, from + (10 * second)));
        }

        return $"{Stopwatch.GetElapsedTime(backAt, first).TotalSeconds:F0} s / {count} in {took.TotalSeconds:F0} s, {count / Math.Max(0.001, took.TotalSeconds):F0} / {peak / 10.0:F0}";
    }

    /// <summary>The ids of the orders placed by <paramref name="elapsed"/> into the run (the driver places them at a steady rate).</summary>
    private static List<string> Placed(string runId, TimeSpan elapsed, double rate, int orders) =>
        [.. Enumerable.Range(0, Math.Min(orders, (int)(elapsed.TotalSeconds * rate))).Select(i => $"{runId}-{i:D5}")];
}
