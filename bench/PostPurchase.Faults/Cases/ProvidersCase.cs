using System.Diagnostics;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Faults.Rig;

namespace PostPurchase.Faults.Cases;

/// <summary>
/// Provider trouble while orders flow, on one runtime, in three parts: (a) both stand-ins refuse 30 % of sends at random
/// (429 with Retry-After and 503 without), (b) ACS down for <c>--provider-down-minutes</c> (connection refused for the first
/// half, then 503), (c) providers that accept and never report a status. Every message must reach its provider once it can,
/// none twice, and what failed meanwhile must show on the merchant API and the dashboard with its error.
/// </summary>
internal static class ProvidersCase
{
    public static async Task RunAsync(CaseContext context)
    {
        var settings = context.Settings;
        await using var rig = await FaultRig.StartAsync(settings);
        var runtime = rig.Runtime($"{settings.Runtime}-providers", settings.Port, new Dictionary<string, string> { ["Logging__LogLevel__Default"] = "Warning" });
        await runtime.StartAsync(TimeSpan.FromMinutes(3));
        using var http = FaultRig.Client(runtime);
        var client = new ShopClient(http, TimeSpan.FromMinutes(15));
        var view = new MerchantView(http);
        await FlakyAsync(context, rig, http, client, view);
        await ProviderDownPart.RunAsync(context, rig, http, client, view);
        await SilentAsync(context, rig, http, client, view);
        context.Add("provider trouble, all parts", "5xx other than 503 answered to shops and carriers", $"{client.UnexpectedServerErrors}", "0", client.UnexpectedServerErrors == 0, "");
    }

    private static async Task FlakyAsync(CaseContext context, FaultRig rig, HttpClient http, ShopClient client, MerchantView view)
    {
        var settings = context.Settings;
        var clock = TimeProvider.System;
        rig.Acs.Behaviour.RefuseShare = rig.Twilio.Behaviour.RefuseShare = 0.3;
        var before = LedgerSnapshot.Of(rig);
        var failedBefore = await view.DashboardFailedAsync(CancellationToken.None);
        Console.WriteLine($"(a) 30 % of sends refused by both providers: {settings.Orders} orders at {settings.Rate}/s");
        var load = MachineLoad.Now();
        var flow = new OrderFlow(client, clock, TimeSpan.FromSeconds(settings.StepSeconds), $"f{clock.GetUtcNow():HHmmss}", OrderFlow.DaytimeZone(clock.GetUtcNow()));
        var traces = await Drive.OpenLoopAsync(settings.Orders, settings.Rate, i => flow.DriveAsync(i, CancellationToken.None), Stopwatch.StartNew());
        var audit = await new OrderAudit(http, rig.Emails, rig.Texts).SettleAsync(traces, TimeSpan.FromMinutes(settings.SettleMinutes), CancellationToken.None);
        rig.Acs.Behaviour.RefuseShare = rig.Twilio.Behaviour.RefuseShare = 0;
        var ids = traces.Select(t => t.OrderId).ToList();
        var emails = await view.CountAsync(ids, WireName.Of(Channel.Email), CancellationToken.None);
        var texts = await view.CountAsync(ids, WireName.Of(Channel.Sms), CancellationToken.None);
        var dashboard = await view.DashboardFailedAsync(CancellationToken.None) - failedBefore;
        foreach (var example in audit.Examples(25))
        {
            Console.WriteLine($"  unfinished: {example}");
        }
        var loads = $"{load} → {MachineLoad.Now()}";
        var fault = $"30 % of sends answered 429 (Retry-After 2 s) or 503, {settings.Orders} orders";
        var after = LedgerSnapshot.Of(rig);
        context.Add(fault, "sends refused (emails / texts) / messages delivered / duplicates",
            $"{after.EmailsRefused - before.EmailsRefused} / {after.TextsRefused - before.TextsRefused} / {after.Delivered - before.Delivered} / {after.Duplicates - before.Duplicates}",
            "duplicates 0", after.Duplicates == before.Duplicates, loads);
        var failed = emails.Failed + texts.Failed;
        context.Add(fault, "messages failed after every attempt / on the dashboard's failed sends / failed without an error shown",
            $"{failed} / {dashboard} / {emails.FailedSilently + texts.FailedSilently}", "failed shown", dashboard == failed && emails.FailedSilently + texts.FailedSilently == 0, loads);
        context.Add(fault, $"timelines unfinished after {settings.SettleMinutes:F0} min / lost inputs / messages never delivered (failed or pending)",
            $"{audit.Unfinished} / {audit.Lost} / {failed + emails.Retrying + emails.Waiting + texts.Retrying + texts.Waiting}", "0 / 0 / 0",
            audit.Unfinished == 0 && audit.Lost == 0 && failed == 0, loads);
    }

    private static async Task SilentAsync(CaseContext context, FaultRig rig, HttpClient http, ShopClient client, MerchantView view)
    {
        var settings = context.Settings;
        var clock = TimeProvider.System;
        rig.Acs.Behaviour.ReportsStatus = false;
        var before = LedgerSnapshot.Of(rig);
        var reads = rig.Acs.StatusReads;
        var orders = Math.Max(1, settings.Orders / 2);
        Console.WriteLine($"(c) providers accept and never report a status: {orders} orders at {settings.Rate}/s");
        var load = MachineLoad.Now();
        var flow = new OrderFlow(client, clock, TimeSpan.FromSeconds(settings.StepSeconds), $"n{clock.GetUtcNow():HHmmss}", OrderFlow.DaytimeZone(clock.GetUtcNow()));
        var traces = await Drive.OpenLoopAsync(orders, settings.Rate, i => flow.DriveAsync(i, CancellationToken.None), Stopwatch.StartNew());
        var audit = await new OrderAudit(http, rig.Emails, rig.Texts).SettleAsync(traces, TimeSpan.FromMinutes(settings.SettleMinutes), CancellationToken.None);
        var ids = traces.Select(t => t.OrderId).ToList();
        var emails = await view.CountAsync(ids, WireName.Of(Channel.Email), CancellationToken.None);
        var texts = await view.CountAsync(ids, WireName.Of(Channel.Sms), CancellationToken.None);
        var after = LedgerSnapshot.Of(rig);
        var loads = $"{load} → {MachineLoad.Now()}";
        var fault = $"providers accept and never report status, {orders} orders";
        context.Add(fault, "messages accepted / shown sent (no outcome) / delivered / failed / still pending",
            $"{after.Delivered - before.Delivered} / {emails.Sent + texts.Sent - emails.Delivered - texts.Delivered} / {emails.Delivered + texts.Delivered} / {emails.Failed + texts.Failed} / {emails.Retrying + emails.Waiting + texts.Retrying + texts.Waiting}",
            "pending 0, failed 0", emails.Failed + texts.Failed == 0 && emails.Retrying + emails.Waiting + texts.Retrying + texts.Waiting == 0, loads);
        context.Add(fault, $"timelines unfinished after {settings.SettleMinutes:F0} min (a silent provider must not hold an order) / duplicates / ACS status reads meanwhile",
            $"{audit.Unfinished} / {after.Duplicates - before.Duplicates} / {rig.Acs.StatusReads - reads}", "0 / 0 / -", audit.Unfinished == 0 && after.Duplicates == before.Duplicates, loads);
        rig.Acs.Behaviour.ReportsStatus = true;
    }
}
