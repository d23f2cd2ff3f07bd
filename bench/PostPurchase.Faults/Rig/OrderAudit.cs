using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels.Acs;

namespace PostPurchase.Faults.Rig;

/// <summary>
/// Reads every order of a run back through the merchant API and holds it against what was acknowledged and what the provider
/// stand-ins received: acknowledged inputs missing from the order are lost; an order not delivered, or with a message still
/// pending (claimed, waiting for a retry, or of unknown fate), is unfinished; a message shown as sent that no provider got is
/// a phantom.
/// </summary>
internal sealed class OrderAudit(HttpClient http, DeliveryLedger emails, DeliveryLedger texts)
{
    /// <summary>Audits until every order is finished or <paramref name="patience"/> has passed; returns the last findings.</summary>
    /// <param name="every">Pause between rounds (10 s unless given): shorter where the time to finish is itself a figure.</param>
    public async Task<AuditFindings> SettleAsync(IReadOnlyList<OrderTrace> traces, TimeSpan patience, CancellationToken cancellationToken, TimeSpan? every = null)
    {
        var waited = Stopwatch.StartNew();
        var open = traces.ToList();
        var done = new ConcurrentBag<OrderFinding>();
        while (true)
        {
            var round = new ConcurrentBag<OrderFinding>();
            await Parallel.ForEachAsync(open, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken },
                async (trace, ct) => round.Add(await CheckAsync(trace, ct)));
            foreach (var finding in round.Where(f => f.Settled))
            {
                done.Add(finding);
            }
            open = [.. round.Where(f => !f.Settled).Select(f => f.Trace)];
            if (open.Count == 0 || waited.Elapsed > patience)
            {
                return new AuditFindings([.. done.Concat(round.Where(f => !f.Settled))], waited.Elapsed);
            }
            Console.WriteLine($"  audit after {waited.Elapsed.TotalSeconds:F0} s: {open.Count} of {traces.Count} orders not finished yet");
            await Task.Delay(every ?? TimeSpan.FromSeconds(10), cancellationToken);
        }
    }

    private async Task<OrderFinding> CheckAsync(OrderTrace trace, CancellationToken cancellationToken)
    {
        var id = Uri.EscapeDataString(trace.OrderId);
        using var order = await GetAsync($"/api/orders/{id}", cancellationToken);
        if (order is null && !trace.IntakeAcked)
        {
            // The shop gave up before the intake was acknowledged: carrier events for its parcel wait parked, which is not a loss.
            return new OrderFinding(trace, Lost: 0, Unfinished: false, Failed: 0, Phantoms: 0, Pending: [], Status: "intake never acknowledged");
        }
        if (order is null)
        {
            var lost = (trace.IntakeAcked ? 1 : 0) + trace.Acked.Count;
            return new OrderFinding(trace, Lost: lost, Unfinished: true, Failed: 0, Phantoms: 0, Pending: [], Status: "missing");
        }
        var seen = order.RootElement.GetProperty("timeline").EnumerateArray()
            .Where(e => e.GetProperty("kind").GetString() == "tracking-event")
            .Select(e => e.GetProperty("trackingStatus").GetString())
            .ToHashSet(StringComparer.Ordinal);
        var lostEvents = trace.Acked.Count(s => !seen.Contains(WireName.Of(s)));
        var status = order.RootElement.GetProperty("status").GetString() ?? "";
        using var messages = await GetAsync($"/api/orders/{id}/messages", cancellationToken) ?? throw new InvalidOperationException($"{trace.OrderId} has no messages list.");
        var pending = new List<string>();
        int failed = 0, phantoms = 0;
        foreach (var message in messages.RootElement.EnumerateArray())
        {
            var key = message.GetProperty("key").GetString()!;
            var channel = message.GetProperty("channel").GetString();
            var state = message.GetProperty("status").GetString();
            var ledger = channel == "email" ? emails : texts;
            var ledgerKey = channel == "email" ? AcsOperationId.For(key).ToString() : key;
            switch (state)
            {
                case "pending":
                    pending.Add($"{key} ({(message.TryGetProperty("error", out var e) ? e.GetString() : null) ?? "waiting"})");
                    break;
                case "failed":
                    failed++;
                    break;
                case "sent" or "delivered" when !ledger.Has(ledgerKey):
                    phantoms++;
                    break;
            }
        }
        var unfinished = status != "delivered" || pending.Count > 0 || lostEvents > 0;
        return new OrderFinding(trace, lostEvents, unfinished, failed, phantoms, pending, status);
    }

    private async Task<JsonDocument?> GetAsync(string path, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, path);
                request.Headers.Add("x-functions-key", HarnessSecrets.ApiKey);
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return null;
                }
                response.EnsureSuccessStatusCode();
                return await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(cancellationToken), cancellationToken: cancellationToken);
            }
            catch (HttpRequestException) when (attempt < 5)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            }
        }
    }
}

/// <summary>One order as the audit found it.</summary>
internal sealed record OrderFinding(OrderTrace Trace, int Lost, bool Unfinished, int Failed, int Phantoms, IReadOnlyList<string> Pending, string Status)
{
    /// <summary>Nothing more can change without a fault: delivered, every message settled.</summary>
    public bool Settled => !Unfinished;
}

/// <summary>The audit's totals over a run.</summary>
internal sealed record AuditFindings(IReadOnlyList<OrderFinding> Orders, TimeSpan Took)
{
    public int Lost => Orders.Sum(o => o.Lost);

    public int Unfinished => Orders.Count(o => o.Unfinished);

    public int Failed => Orders.Sum(o => o.Failed);

    public int Phantoms => Orders.Sum(o => o.Phantoms);

    /// <summary>Orders whose intake the driver gave up on (refused until its patience ran out): not lost, never acknowledged.</summary>
    public int NeverAcknowledged => Orders.Count(o => !o.Trace.IntakeAcked);

    /// <summary>A few unfinished orders with what holds them, for the report.</summary>
    public IEnumerable<string> Examples(int count) =>
        Orders.Where(o => o.Unfinished).Take(count).Select(o => $"{o.Trace.OrderId}: {o.Status}; {string.Join("; ", o.Pending.DefaultIfEmpty("no pending message"))}");
}
