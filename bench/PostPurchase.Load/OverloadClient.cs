using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Load;

/// <summary>
/// A closed-loop shop and carrier for one order each: every call first asks admission control what the intake and webhook
/// handlers ask, and on a refusal waits the Retry-After (and a jitter) and asks again, as shops and carriers retry a 503, then sends and
/// waits for the answer. Counts accepted, refused and failed calls, and times acceptance to hand-over for the order
/// confirmation and the delivered message.
/// </summary>
internal sealed class OverloadClient(IAdmission admission, IOrderWorkflows workflows, ITrackingIngress ingress, TimeSpan gap)
{
    private readonly ConcurrentDictionary<(string OrderId, Intent Intent), long> _awaiting = new();
    private int _accepted;
    private int _refused;
    private int _failed;

    public int Accepted => Volatile.Read(ref _accepted);

    public int Refused => Volatile.Read(ref _refused);

    public int Failed => Volatile.Read(ref _failed);

    /// <summary>Acceptance to hand-over to the provider stand-in, in milliseconds.</summary>
    public Percentiles Handed { get; } = new();

    /// <summary>For <see cref="CountingSender.Handed"/>: the first hand-over of a message this client waits for is timed.</summary>
    public void OnHanded(OutboundMessage message)
    {
        if (_awaiting.TryRemove((message.OrderId, message.Intent), out var accepted))
        {
            Handed.Add(Stopwatch.GetElapsedTime(accepted).TotalMilliseconds);
        }
    }

    /// <summary>Intake with a parcel, then four carrier webhooks <c>gap</c> apart; each call retried until admitted.</summary>
    public async Task DriveAsync(TimeProvider clock, CancellationToken cancellationToken)
    {
        var tracking = Some.TrackingNumber();
        var order = OrderBuilder.Apparel().PlacedAt(clock.GetUtcNow()).WithShipment("postnl", tracking).Build();
        if (!await CallAsync(order.OrderId, Intent.OrderConfirmation, ct => workflows.StartAsync(order, ct), cancellationToken))
        {
            return;
        }

        foreach (var status in new[] { TrackingStatus.InfoReceived, TrackingStatus.InTransit, TrackingStatus.OutForDelivery, TrackingStatus.Delivered })
        {
            await Task.Delay(gap, cancellationToken);
            var update = new TrackingEvent("aftership", Some.EventId(), "postnl", tracking, status, status.ToString(), clock.GetUtcNow());
            var timed = status == TrackingStatus.Delivered ? Intent.Delivered : (Intent?)null;
            if (!await CallAsync(order.OrderId, timed, ct => ingress.AcceptAsync([update], ct), cancellationToken))
            {
                return;
            }
        }
    }

    private async Task<bool> CallAsync(string orderId, Intent? timed, Func<CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        while (admission.RetryAfter() is { } wait)
        {
            // Retry-After is the least wait; clients refused together would all come back in the same instant, so each adds
            // up to a second of its own, as retrying clients do.
            Interlocked.Increment(ref _refused);
            await Task.Delay(wait + TimeSpan.FromMilliseconds(RandomNumberGenerator.GetInt32(1_000)), cancellationToken);
        }

        if (timed is { } intent)
        {
            _awaiting[(orderId, intent)] = Stopwatch.GetTimestamp();
        }

        try
        {
            await call(cancellationToken);
            Interlocked.Increment(ref _accepted);
            return true;
        }
        catch (Exception ex) when (ex is Azure.RequestFailedException or AggregateException or TaskCanceledException or InvalidOperationException)
        {
            // Storage did not take it in time: counted, and this order's traffic stops (nothing was acknowledged).
            Interlocked.Increment(ref _failed);
            Console.WriteLine($"  a call failed: {ex.GetType().Name}: {ex.Message.Split('\n')[0]}");
            return false;
        }
    }
}
