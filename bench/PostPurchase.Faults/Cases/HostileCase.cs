using System.Diagnostics;
using CsCheck;
using PostPurchase.Faults.Rig;
using PostPurchase.Testing.Hostile;

namespace PostPurchase.Faults.Cases;

/// <summary>
/// Hostile and broken requests over every public route, from the same CsCheck generators as the regular hostile-request test,
/// one at a time so each is held to account: no 5xx, no row stored in any table or queue of the account from a refused
/// request (the bounded shop refusal log apart), and none of the runtime's secrets in its log. Each genuinely signed
/// request the runtime accepts is sent again as a replayed delivery.
/// </summary>
internal static class HostileCase
{
    /// <summary>A fixed sample, so a run can be repeated request for request.</summary>
    private const string Seed = "0N0XIzOkWmI4";

    public static async Task RunAsync(CaseContext context)
    {
        var settings = context.Settings;
        await using var rig = await FaultRig.StartAsync(settings);
        var runtime = rig.Runtime($"{settings.Runtime}-hostile", settings.Port);
        await runtime.StartAsync(TimeSpan.FromMinutes(3));
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(60) };
        var watch = new StorageWatch(rig.Azurite.ConnectionString);
        await watch.StartAsync();
        var tally = new HostileTally();
        Console.WriteLine($"hostile: {settings.Hostile} requests over every public route, one at a time, sample {Seed}");
        var load = MachineLoad.Now();
        var run = Stopwatch.StartNew();

        var generated = 0;
        await HostileGen.Request.SampleAsync(async hostile =>
        {
            generated++;
            var status = await SendAsync(http, runtime.BaseUrl, hostile);
            await tally.CountAsync(hostile, status, watch, replay: false);
            if (hostile.Credential == Credential.Genuine && status is >= 200 and < 300)
            {
                await tally.CountAsync(hostile, await SendAsync(http, runtime.BaseUrl, hostile), watch, replay: true);
            }
            if (generated % 1000 == 0)
            {
                Console.WriteLine($"  {generated} generated, {tally.Sent} sent in {run.Elapsed.TotalSeconds:F0} s: {tally.Summary}");
            }
        }, seed: Seed, iter: settings.Hostile, threads: 1);

        var loads = $"{load} → {MachineLoad.Now()}";
        var log = await File.ReadAllTextAsync(runtime.Log);
        var leaked = HarnessSecrets.All.Where(s => log.Contains(s.Value, StringComparison.Ordinal)).Select(s => s.Name).ToList();
        foreach (var example in tally.Examples)
        {
            Console.WriteLine($"  found: {example}");
        }
        var fault = $"{settings.Hostile:N0} hostile requests ({tally.Replays} replays) in {run.Elapsed.TotalSeconds:F0} s";
        context.Add(fault, "answers: 2xx / 4xx / 5xx / connection closed on a huge body / no answer", tally.Summary, "5xx 0, no answer 0", tally.ServerErrors == 0 && tally.Unanswered == 0, loads);
        context.Add(fault, "rows or messages stored from refused requests / shop refusal log rows", $"{tally.StoredFromRefused} / {watch.RefusalLog}", "0 / bounded (≤ 60)",
            tally.StoredFromRefused == 0 && watch.RefusalLog <= 60, loads);
        context.Add(fault, "secrets in the runtime's log", leaked.Count == 0 ? "0" : $"{leaked.Count} ({string.Join(", ", leaked)})", "0", leaked.Count == 0, loads);
    }

    /// <summary>
    /// Sends one request; a connection closed while a body past the limit was still being written is a refusal (413), as the
    /// regular test counts it. Any other broken connection is tried once more (the runtime may have closed a pooled connection
    /// after such a refusal), then counted as no answer.
    /// </summary>
    private static async Task<int> SendAsync(HttpClient http, Uri root, HostileRequest hostile)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var request = hostile.ToHttp(root, HarnessSecrets.Hostile);
                using var response = await http.SendAsync(request);
                return (int)response.StatusCode;
            }
            catch (HttpRequestException) when (hostile.Body.Length > 256 * 1024)
            {
                return HostileTally.ClosedOnHugeBody;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                if (attempt == 2)
                {
                    return HostileTally.NoAnswer;
                }
            }
        }
    }
}
