using System.Text.Json;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Configuration;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure.Buyers;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Functions.Workflows;

/// <summary><see cref="IOrderWorkflows"/> on Durable Functions: one <c>OrderTimeline</c> orchestration per order, inputs as external events.</summary>
internal sealed partial class DurableOrderWorkflows(
    DurableClientScope scope,
    IOrderIndexes indexes,
    IOrderReadModelStore readModels,
    IConsentLedger consent,
    IOptionsMonitor<PostPurchaseOptions> settings,
    IStudioSettings studio,
    IOptions<DurableTimelineOptions> durable,
    TimeProvider time,
    ILogger<DurableOrderWorkflows> logger,
    IBuyerProfiles? buyers = null) : IOrderWorkflows
{
    /// <summary>Every status in which an existing instance means "this order is known": intake never starts an order twice.</summary>
    internal static readonly OrchestrationRuntimeStatus[] KnownStatuses =
    [
        OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended,
        OrchestrationRuntimeStatus.Completed, OrchestrationRuntimeStatus.Failed, OrchestrationRuntimeStatus.Terminated,
    ];

    public async Task<StartResult> StartAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var client = scope.Client;
        var instanceId = OrderInstance.IdFor(order.OrderId);
        if (await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken) is not null)
        {
            return new StartResult(false, await ExistingAsync(client, order, cancellationToken));
        }
        // Indexes first: a webhook arriving the moment the order exists must find it.
        await indexes.IndexOrderAsync(order, cancellationToken);
        // The studio's version in force decides from the start; the orchestration learns of later versions through its commits.
        var policy = (await studio.CurrentAsync(cancellationToken)).Policy;
        var intake = buyers is null ? null : await buyers.RecordOrderAsync(order, policy.Growth, cancellationToken);
        // Carrier events that came before the order are handed over in the start input: an event raised to an instance that has
        // not started yet can be dropped by the backend. They are forgotten only once the instance is scheduled.
        var parked = new List<ParkedEvent>();
        foreach (var shipment in order.Shipments)
        {
            parked.AddRange(await indexes.ParkedAsync(shipment.Key, cancellationToken));
        }
        var early = parked.OrderBy(p => p.Event.OccurredAt).Select(p => (TimelineInput)new TrackingUpdated(p.Event)).ToList();
        var run = new TimelineRun(null, new OrderPlaced(order, intake?.Facts), policy, durable.Value.ToActivityRetry(), early.Count > 0 ? early : null);
        try
        {
            // The dedupe statuses make the backend refuse a second start even when a concurrent intake won the race,
            // including over completed orders (by default a completed instance would be overwritten).
            await client.ScheduleNewOrchestrationInstanceAsync(
                nameof(OrderTimeline), run, new StartOrchestrationOptions(instanceId).WithDedupeStatuses(KnownStatuses), cancellationToken);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return new StartResult(false, await ExistingAsync(client, order, cancellationToken));
        }
        LogStarted(logger, order.OrderId, instanceId);
        foreach (var handedOver in parked)
        {
            await indexes.ForgetParkedAsync(handedOver, cancellationToken);
        }
        if (intake is not null)
        {
            await intake.AnnounceAsync(order, RaiseAsync, cancellationToken);
        }
        return new StartResult(true, Provisional(order, policy));
    }

    public async Task<bool> RaiseAsync(string orderId, TimelineInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var client = scope.Client;
        var instanceId = OrderInstance.IdFor(orderId);
        var instance = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: false, cancellationToken);
        if (instance is null)
        {
            return false;
        }
        switch (instance.RuntimeStatus)
        {
            case OrchestrationRuntimeStatus.Pending when !await StartedAsync(client, instance, cancellationToken):
                // Scheduled and never run: the backend can drop an event that reaches it before its start (a known limit of the
                // Durable Task Azure Storage backend), so the sender is asked to send it again in a few seconds.
                LogStarting(logger, input.GetType().Name, orderId);
                throw new TimelineStartingException(orderId);
            case OrchestrationRuntimeStatus.Completed when RecordedOnceCompleted(input)
                && await readModels.GetAsync(orderId, cancellationToken) is { } saved:
                await ReopenAsync(client, saved, input, cancellationToken);
                return true;
            case OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Terminated:
                LogIgnored(logger, input.GetType().Name, orderId, instance.RuntimeStatus);
                return true;
            case OrchestrationRuntimeStatus.Failed:
                throw new InvalidOperationException(
                    $"The timeline of order '{orderId}' failed and is waiting for the stuck-timeline sweep to restart it; send this input again after that.");
            default:
                await RecordConsentAsync(orderId, input, cancellationToken);
                if (input is ShipmentRegistered registered)
                {
                    await indexes.IndexParcelAsync(orderId, registered.Shipment, cancellationToken);
                }
                await client.RaiseEventAsync(instanceId, OrderTimelineOrchestration.InputEvent, AsPayload(input), cancellationToken);
                if (input is ShipmentRegistered shipment)
                {
                    await ReplayParkedAsync(client, orderId, shipment.Shipment.Key, cancellationToken);
                }
                return true;
        }
    }

    /// <summary>
    /// Whether a Pending instance has run, waiting up to <see cref="DurableTimelineOptions.StartWait"/> for it: it has once its
    /// status moved on, or once its row was written again well after it was scheduled. The backend writes the row again only
    /// after it has recorded a run in the history; the status can stay Pending when the host died as it recorded the first run.
    /// Not the read model: a run whose record was lost with its host may have saved the order before the history knew of it.
    /// </summary>
    private async Task<bool> StartedAsync(DurableTaskClient client, OrchestrationMetadata instance, CancellationToken cancellationToken)
    {
        var poll = TimeSpan.FromMilliseconds(250);
        for (var waited = TimeSpan.Zero; ; waited += poll)
        {
            if (instance.RuntimeStatus != OrchestrationRuntimeStatus.Pending || instance.LastUpdatedAt - instance.CreatedAt >= RecordedRunGap)
            {
                return true;
            }
            if (waited >= durable.Value.StartWait)
            {
                return false;
            }
            await Task.Delay(poll, time, cancellationToken);
            instance = await client.GetInstanceAsync(instance.InstanceId, getInputsAndOutputs: false, cancellationToken) ?? instance;
        }
    }

    /// <summary>
    /// A Pending row written again this long after it was scheduled has recorded a run: scheduling writes it once, a few
    /// milliseconds after the start message (seconds when storage is slow), and a run that died unrecorded comes back only
    /// after the backend's five-minute message lease.
    /// </summary>
    internal static readonly TimeSpan RecordedRunGap = TimeSpan.FromSeconds(30);

    /// <summary>Inputs the decider still records on an ended timeline (a late status report, a click, a reorder, a resend); the rest change nothing.</summary>
    private static bool RecordedOnceCompleted(TimelineInput input) => input is MessageStatusChanged or ConsentChanged or CustomerReplied or TrackingUpdated
        or MessageResendRequested or MessageSendDeferred or BuyerOrdered or LinkClicked;

    /// <summary>
    /// Starts the completed instance again from its saved state with <paramref name="input"/> first: the orchestration records it
    /// (a resend is even sent) and completes again. A second late input that finds it already running joins it as an event.
    /// </summary>
    private async Task ReopenAsync(DurableTaskClient client, OrderSnapshot saved, TimelineInput input, CancellationToken cancellationToken)
    {
        var orderId = saved.State.Order.OrderId;
        var instanceId = OrderInstance.IdFor(orderId);
        await RecordConsentAsync(orderId, input, cancellationToken);
        var run = new TimelineRun(Settled(saved), input, (await studio.CurrentAsync(cancellationToken)).Policy, durable.Value.ToActivityRetry());
        try
        {
            // Only a completed instance is replaced; one a concurrent late input already restarted is running.
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(OrderTimeline), run, new StartOrchestrationOptions(instanceId).WithDedupeStatuses(
                OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running, OrchestrationRuntimeStatus.Suspended), cancellationToken);
            LogReopened(logger, input.GetType().Name, orderId);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            await client.RaiseEventAsync(instanceId, OrderTimelineOrchestration.InputEvent, AsPayload(input), cancellationToken);
        }
    }

    /// <summary>A consent change goes to the ledger before the event: a send activity already running for the order reads it there and holds its message back.</summary>
    private async Task RecordConsentAsync(string orderId, TimelineInput input, CancellationToken cancellationToken)
    {
        if (input is ConsentChanged change)
        {
            await consent.RecordAsync(orderId, change, time.GetUtcNow(), cancellationToken);
        }
    }

    /// <summary>
    /// The saved state with each message as its row shows it: the last send results of a run reach the rows (the commit writes
    /// them) but not the saved state, which the next save would have carried; the run that goes on from it must not undo them.
    /// </summary>
    private static TimelineState Settled(OrderSnapshot saved)
    {
        var rows = saved.Messages.ToDictionary(r => r.Message.Key, r => r.Message, StringComparer.Ordinal);
        return saved.State with
        {
            Messages = [.. saved.State.Messages.Select(m =>
                m.Status == MessageStatus.Pending && rows.TryGetValue(m.Key, out var row) && row.Status != MessageStatus.Pending ? row : m)],
        };
    }

    public Task<OrderSnapshot?> GetAsync(string orderId, CancellationToken cancellationToken) =>
        readModels.GetAsync(orderId, cancellationToken);

    /// <summary>
    /// The input as JSON typed as <see cref="TimelineInput"/>. The Durable serializer writes an object by its runtime type,
    /// which would drop the <c>type</c> discriminator the orchestrator needs to read it back as a <see cref="TimelineInput"/>.
    /// </summary>
    internal static JsonElement AsPayload(TimelineInput input) => JsonSerializer.SerializeToElement(input, CoreJson.Options);

    /// <summary>Raises the events that arrived for a parcel before it was registered, in the order they happened.</summary>
    private Task<int> ReplayParkedAsync(DurableTaskClient client, string orderId, string parcelKey, CancellationToken cancellationToken) =>
        indexes.ReplayParkedAsync(parcelKey, (parked, ct) => client.RaiseEventAsync(
            OrderInstance.IdFor(orderId), OrderTimelineOrchestration.InputEvent, AsPayload(new TrackingUpdated(parked)), ct), cancellationToken);

    private async Task<OrderSnapshot> ExistingAsync(DurableTaskClient client, Order incoming, CancellationToken cancellationToken)
    {
        if (await readModels.GetAsync(incoming.OrderId, cancellationToken) is { } saved)
        {
            return saved;
        }
        // Started but not saved yet: answer from what the instance was started with.
        var instance = await client.GetInstanceAsync(OrderInstance.IdFor(incoming.OrderId), getInputsAndOutputs: true, cancellationToken);
        var run = instance?.ReadInputAs<TimelineRun>();
        if (run?.State is { } state)
        {
            return new OrderSnapshot(state, Records(state));
        }
        var order = run?.Next is OrderPlaced placed ? placed.Order : incoming;
        return Provisional(order, run?.Policy ?? settings.CurrentValue.Policy);
    }

    /// <summary>What the orchestration will make of the order, computed by the same pure decider, for the intake answer.</summary>
    private OrderSnapshot Provisional(Order order, Core.Policies.TimelinePolicy policy)
    {
        var state = OrderTimeline.Decide(null, new OrderPlaced(order), time.GetUtcNow(), policy).State;
        return new OrderSnapshot(state, Records(state));
    }

    private static List<MessageRecord> Records(TimelineState state) =>
        state.Messages.Select(m => new MessageRecord(m, null, null)).ToList();

    [LoggerMessage(Level = LogLevel.Information, Message = "Order {OrderId} placed: timeline {InstanceId} scheduled")]
    private static partial void LogStarted(ILogger logger, string orderId, string instanceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {InputType} for order {OrderId} was refused for now: its timeline is scheduled but has not started")]
    private static partial void LogStarting(ILogger logger, string inputType, string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {InputType} for order {OrderId} reopened its completed timeline to be recorded")]
    private static partial void LogReopened(ILogger logger, string inputType, string orderId);

    [LoggerMessage(Level = LogLevel.Information, Message = "A {InputType} for order {OrderId} was not applied: its timeline is {Status}")]
    private static partial void LogIgnored(ILogger logger, string inputType, string orderId, OrchestrationRuntimeStatus status);
}
