using Microsoft.Extensions.Logging;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>The embedded engine behind <see cref="IOrderWorkflows"/>: intake and raised inputs apply at once; carrier events and retries go through the inbox.</summary>
internal sealed partial class OrderWorkflows(
    StorageAccount storage,
    OrderStore store,
    StateCache cache,
    ParcelIndex parcels,
    PhoneDirectory phones,
    InboxQueue inbox,
    TimelineApplier applier,
    TrackingIngress ingress,
    EngineOptions options,
    TimeProvider time,
    ILogger<OrderWorkflows> logger,
    Buyers.IBuyerProfiles? buyers = null) : IOrderWorkflows
{
    /// <summary>The input id of every order's intake: a second intake of the same order is recognised as the same input.</summary>
    private const string PlacedInputId = "order-placed";

    public async Task<StartResult> StartAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(order.OrderId);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);

        // Indexes first: a webhook arriving the moment the order exists must find it.
        var mayHaveParked = new List<string>();
        foreach (var shipment in order.Shipments)
        {
            if (await parcels.RegisterAsync(shipment.Key, shipment.Carrier, order.OrderId, cancellationToken).ConfigureAwait(false))
            {
                mayHaveParked.Add(shipment.Key);
            }
        }

        if (!string.IsNullOrWhiteSpace(order.Customer.Phone))
        {
            await phones.AddAsync(order.Customer.Phone, order.OrderId, cancellationToken).ConfigureAwait(false);
        }

        var growth = (await options.CurrentAsync(cancellationToken).ConfigureAwait(false)).Policy.Growth;
        var intake = buyers is null ? null : await buyers.RecordOrderAsync(order, growth, cancellationToken).ConfigureAwait(false);
        var (outcome, state) = await applier.ApplyAsync(new InputEnvelope(PlacedInputId, order.OrderId, new OrderPlaced(order, intake?.Facts), time.GetUtcNow()), cancellationToken)
            .ConfigureAwait(false);
        if (intake is not null)
        {
            // Also after an intake seen before: a crash may have come between its apply and this, and buyer-ordered is idempotent.
            await intake.AnnounceAsync(order, RaiseAsync, cancellationToken).ConfigureAwait(false);
        }
        if (outcome != ApplyOutcome.Applied)
        {
            var existing = await store.GetAsync(order.OrderId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Order {order.OrderId} was reported as existing but cannot be read.");
            return new StartResult(false, existing);
        }

        foreach (var parcelKey in mayHaveParked)
        {
            await ingress.ReplayParkedAsync(parcelKey, order.OrderId, cancellationToken).ConfigureAwait(false);
        }

        var created = state!.State;
        return new StartResult(true, new OrderSnapshot(created, [.. created.Messages.Select(m => new MessageRecord(m, null, null))]));
    }

    /// <summary>
    /// Applies the input at once (the caller learns the order moved on, and it costs no queue round trip); if applying fails it is
    /// queued instead, so the inbox worker retries it and, after the last attempt, moves it to the poison table.
    /// </summary>
    public async Task<bool> RaiseAsync(string orderId, TimelineInput input, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        ArgumentNullException.ThrowIfNull(input);
        if (input is OrderPlaced)
        {
            throw new ArgumentException("An order is placed with StartAsync, not raised.", nameof(input));
        }

        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var mayHaveParked = false;
        if (input is ShipmentRegistered registered)
        {
            if (cache.Get(orderId) is null)
            {
                // Known before its parcel is indexed; the state read is kept for the apply below.
                if (await store.LoadAsync(orderId, cancellationToken).ConfigureAwait(false) is not { } loaded)
                {
                    return false;
                }

                cache.Set(loaded);
            }

            // Index first: a webhook for the new parcel arriving meanwhile must find the order.
            mayHaveParked = await parcels.RegisterAsync(registered.Shipment.Key, registered.Shipment.Carrier, orderId, cancellationToken).ConfigureAwait(false);
        }

        var envelope = InputEnvelope.For(orderId, input, time.GetUtcNow());
        try
        {
            var (outcome, _) = await applier.ApplyAsync(envelope, cancellationToken).ConfigureAwait(false);
            if (outcome == ApplyOutcome.UnknownOrder)
            {
                return false;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogQueuedAfterFailure(ex, orderId, envelope.Type);
            await inbox.EnqueueAsync(envelope, options.VisibilityTimeout, cancellationToken).ConfigureAwait(false);
        }

        if (mayHaveParked && input is ShipmentRegistered shipment)
        {
            await ingress.ReplayParkedAsync(shipment.Shipment.Key, orderId, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }

    public async Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orderId);
        await storage.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        return await store.GetAsync(orderId, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Order {OrderId}: applying {InputType} at once failed; queued for the inbox worker to retry")]
    private partial void LogQueuedAfterFailure(Exception exception, string orderId, string inputType);
}
