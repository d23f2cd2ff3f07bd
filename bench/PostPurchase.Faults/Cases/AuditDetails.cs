using PostPurchase.Faults.Rig;

namespace PostPurchase.Faults.Cases;

/// <summary>What a case prints beside its figures so a miss can be traced: unfinished orders, messages delivered twice with when
/// they arrived, and on the Function App what the Durable Task hub still holds of each unfinished order.</summary>
internal static class AuditDetails
{
    public static async Task PrintAsync(FaultSettings settings, FaultRig rig, RuntimeUnderTest runtime, AuditFindings audit)
    {
        foreach (var example in audit.Examples(5))
        {
            Console.WriteLine($"  unfinished: {example}");
        }
        foreach (var twice in rig.Emails.DuplicatesWithTimes().Concat(rig.Texts.DuplicatesWithTimes()))
        {
            Console.WriteLine($"  delivered twice: {twice}");
        }
        if (settings.IsHost || audit.Unfinished == 0)
        {
            return;
        }
        // Lost or stuck: the hub is read with the runtime stopped, so nothing changes while it is read.
        await runtime.KillAsync();
        var report = Path.Combine(settings.LogDirectory, $"durable-unfinished-{runtime.Name}.txt");
        var unfinished = audit.Orders.Where(o => o.Unfinished).Select(o => o.Trace).ToList();
        foreach (var line in (await DurableInspector.DescribeAsync(rig.Azurite.ConnectionString, unfinished, report, CancellationToken.None)).Take(10))
        {
            Console.WriteLine($"  hub: {line}");
        }
        Console.WriteLine($"  what the hub holds of every unfinished order: {report}");
    }
}
