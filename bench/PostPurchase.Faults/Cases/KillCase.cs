using System.Diagnostics;
using PostPurchase.Faults.Rig;

namespace PostPurchase.Faults.Cases;

/// <summary>
/// kill -9 of the runtime at random moments while the orders flow, started again at once each time: acknowledged inputs that
/// never reached their order, messages a provider got twice, and timelines left unfinished must all be 0.
/// </summary>
internal static class KillCase
{
    public static async Task RunAsync(CaseContext context)
    {
        var settings = context.Settings;
        await using var rig = await FaultRig.StartAsync(settings);
        var runtime = rig.Runtime($"{settings.Runtime}-kill", settings.Port);
        await runtime.StartAsync(TimeSpan.FromMinutes(3));
        using var http = FaultRig.Client(runtime);
        var client = new ShopClient(http, TimeSpan.FromMinutes(15));
        var clock = TimeProvider.System;
        var flow = new OrderFlow(client, clock, TimeSpan.FromSeconds(settings.StepSeconds), $"k{clock.GetUtcNow():HHmmss}", OrderFlow.DaytimeZone(clock.GetUtcNow()));
        var placing = TimeSpan.FromSeconds(settings.Orders / settings.Rate);
        var random = new Random(2024);
        var kills = Enumerable.Range(0, settings.Kills).Select(_ => placing * (0.05 + (0.9 * random.NextDouble()))).Order().ToList();
        Console.WriteLine($"kill -9: {settings.Orders} orders at {settings.Rate}/s on the {context.RuntimeLabel}; kills at {string.Join(", ", kills.Select(k => $"{k.TotalSeconds:F0} s"))}");
        var load = MachineLoad.Now();

        var run = Stopwatch.StartNew();
        var killer = Task.Run(async () =>
        {
            foreach (var at in kills)
            {
                if (at > run.Elapsed)
                {
                    await Task.Delay(at - run.Elapsed);
                }
                var away = await runtime.KillAndRestartAsync(TimeSpan.FromMinutes(5));
                Console.WriteLine($"  {run.Elapsed.TotalSeconds,5:F0} s: killed and back after {away.TotalSeconds:F1} s");
            }
        });
        var orders = await Drive.OpenLoopAsync(settings.Orders, settings.Rate, i => flow.DriveAsync(i, CancellationToken.None), run);
        await killer;
        var loadAfter = MachineLoad.Now();
        Console.WriteLine($"  every input acknowledged after {run.Elapsed.TotalSeconds:F0} s; auditing...");
        var audit = await new OrderAudit(http, rig.Emails, rig.Texts).SettleAsync(orders, TimeSpan.FromMinutes(settings.SettleMinutes), CancellationToken.None);
        await AuditDetails.PrintAsync(settings, rig, runtime, audit);
        var loads = $"{load} → {loadAfter}";
        var fault = $"kill -9 ×{runtime.Kills}, {settings.Orders} orders";
        context.Add(fault, "inputs lost (acknowledged, not in the order) / intakes never acknowledged", $"{audit.Lost} / {audit.NeverAcknowledged}", "0 / -", audit.Lost == 0, loads);
        var duplicates = rig.Emails.Duplicates + rig.Texts.Duplicates;
        context.Add(fault, "duplicate provider deliveries (by message key)", $"{duplicates}: {rig.Emails.Duplicates} emails, {rig.Texts.Duplicates} texts (ACS requests repeated under the same Operation-Id: {rig.Emails.Repeats})", "0", duplicates == 0, loads);
        context.Add(fault, $"timelines unfinished after {settings.SettleMinutes:F0} min", $"{audit.Unfinished}", "0", audit.Unfinished == 0, loads);
        context.Add(fault, "messages failed / shown sent but never received", $"{audit.Failed} / {audit.Phantoms}", "0 / 0", audit.Failed == 0 && audit.Phantoms == 0, loads);
        context.Add(fault, "5xx other than 503 answered", $"{client.UnexpectedServerErrors}", "0", client.UnexpectedServerErrors == 0, loads);
        var restarts = runtime.Restarts.Select(r => r.TotalSeconds).DefaultIfEmpty(0).ToList();
        context.Add(fault, "restart to healthy, mean / max", $"{restarts.Average():F1} / {restarts.Max():F1} s; settled {audit.Took.TotalSeconds:F0} s after the last input", "", null, loads);
    }
}
