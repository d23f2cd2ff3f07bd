using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Load;

/// <summary>
/// One shop's traffic for one order: intake with a parcel, then carrier webhooks spaced by a simulated gap (info received,
/// in transit, out for delivery, delivered, and the delivered webhook again as a carrier retry). The buyer's CSAT answer is
/// raised by <see cref="AnswerSurveysAsync"/> when the survey the timeline decided is sent.
/// </summary>
internal sealed class LoadScenario(IOrderWorkflows workflows, ITrackingIngress ingress, TimeProvider clock, TimeSpan realGap)
{
    /// <summary>Inputs offered per order by <see cref="DriveAsync"/> (intake + 5 webhooks); the CSAT answer comes later.</summary>
    public const int InputsPerOrder = 6;

    private int _answered;

    public int Answered => Volatile.Read(ref _answered);

    /// <summary>How long each intake call took (the shop's wait for its answer), in milliseconds.</summary>
    public Percentiles IntakeCalls { get; } = new();

    /// <summary>How long each carrier webhook took to be accepted, in milliseconds.</summary>
    public Percentiles WebhookCalls { get; } = new();

    public async Task DriveAsync(CancellationToken cancellationToken)
    {
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(clock.GetUtcNow()).WithShipment("postnl", tracking).Build();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await workflows.StartAsync(order, cancellationToken);
        IntakeCalls.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        TrackingEvent? last = null;
        foreach (var status in new[] { TrackingStatus.InfoReceived, TrackingStatus.InTransit, TrackingStatus.OutForDelivery, TrackingStatus.Delivered })
        {
            await Task.Delay(realGap, cancellationToken);
            last = new TrackingEvent("aftership", Some.EventId(), "postnl", tracking, status, status.ToString(), clock.GetUtcNow());
            var accepting = System.Diagnostics.Stopwatch.GetTimestamp();
            await ingress.AcceptAsync([last], cancellationToken);
            WebhookCalls.Add(System.Diagnostics.Stopwatch.GetElapsedTime(accepting).TotalMilliseconds);
        }

        // The carrier retries the delivered webhook: the same event id again must change nothing.
        await ingress.AcceptAsync([last!], cancellationToken);
    }

    /// <summary>Answers every survey sent with a 5, until cancelled.</summary>
    public async Task AnswerSurveysAsync(IEnumerable<CountingSender> senders, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(senders.Select(async sender =>
            {
                await foreach (var orderId in sender.Surveyed.ReadAllAsync(cancellationToken))
                {
                    if (!await workflows.RaiseAsync(orderId, new CsatAnswered(5), cancellationToken))
                    {
                        throw new InvalidOperationException($"Order {orderId} was surveyed but the engine does not know it.");
                    }

                    Interlocked.Increment(ref _answered);
                }
            }));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The run is over.
        }
    }
}
