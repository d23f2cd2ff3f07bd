using System.Text.Json;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Functions.Configuration;
using PostPurchase.Functions.Tests.Support;
using PostPurchase.Functions.Timeline;
using PostPurchase.Functions.Workflows;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Functions.Tests.Workflows;

public sealed class DurableOrderWorkflowsTests
{
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly InMemoryReadModelStore _readModels = new();
    private readonly RecordingOrderIndexes _indexes = new();
    private readonly Order _order = OrderBuilder.Skincare().WithId("PP-42").Build();

    [Fact]
    public async Task StartAsync_NewOrder_SchedulesOrderTimelineWithTheOrderInstanceIdAndDedupe()
    {
        Exists(null);
        Schedules();

        var result = await Workflows().StartAsync(_order, CancellationToken.None);

        Assert.True(result.Created);
        Assert.Equal(OrderStatus.Confirmed, result.Snapshot.State.Status);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            nameof(OrderTimeline),
            It.Is<object?>(input => input is TimelineRun && ((TimelineRun)input).Next is OrderPlaced && ((TimelineRun)input).State == null),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == "order-PP-42" && o.DedupeStatuses!.Contains("Completed") && o.DedupeStatuses!.Contains("Running")),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task StartAsync_SameOrderTwice_StartsOnlyOnce()
    {
        _client.SetupSequence(c => c.GetInstanceAsync("order-PP-42", false, It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null)
            .ReturnsAsync(Instance(OrchestrationRuntimeStatus.Running));
        Schedules();
        var workflows = Workflows();

        var first = await workflows.StartAsync(_order, CancellationToken.None);
        var second = await workflows.StartAsync(_order, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal("PP-42", second.Snapshot.State.Order.OrderId);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task StartAsync_ConcurrentIntakeWonTheRace_ReturnsTheSavedOrderWithoutCreating()
    {
        Exists(null);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OrchestrationAlreadyExistsException("An orchestration with id 'order-PP-42' already exists."));
        var saved = OrderTimeline.Decide(null, new OrderPlaced(_order), _order.PlacedAt, new PostPurchaseOptions().Policy).State;
        await _readModels.SaveAsync(new OrderSnapshot(saved, []), CancellationToken.None);

        var result = await Workflows().StartAsync(_order, CancellationToken.None);

        Assert.False(result.Created);
        Assert.Same(saved, result.Snapshot.State);
    }

    [Fact]
    public async Task RaiseAsync_UnknownOrder_ReturnsFalseAndRaisesNothing()
    {
        Exists(null);

        var raised = await Workflows().RaiseAsync("PP-42", new OrderCancelled("merchant"), CancellationToken.None);

        Assert.False(raised);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RaiseAsync_RunningOrder_RaisesTheTimelineInputWithItsTypeDiscriminator()
    {
        Exists(Instance(OrchestrationRuntimeStatus.Running));
        object? payload = null;
        _client.Setup(c => c.RaiseEventAsync("order-PP-42", OrderTimelineOrchestration.InputEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, object?, CancellationToken>((_, _, p, _) => payload = p)
            .Returns(Task.CompletedTask);

        var raised = await Workflows().RaiseAsync("PP-42", new OrderCancelled("merchant", "out of stock"), CancellationToken.None);

        Assert.True(raised);
        var json = Assert.IsType<JsonElement>(payload);
        Assert.Equal("order-cancelled", json.GetProperty("type").GetString());
        Assert.Equal("out of stock", json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task RaiseAsync_CompletedOrder_IsKnownButRaisesNothing()
    {
        Exists(Instance(OrchestrationRuntimeStatus.Completed));

        var raised = await Workflows().RaiseAsync("PP-42", new OrderCancelled("merchant"), CancellationToken.None);

        Assert.True(raised);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RaiseAsync_LateClickOnACompletedOrder_StartsItAgainFromTheSavedStateWithTheClickFirst()
    {
        Exists(Instance(OrchestrationRuntimeStatus.Completed));
        var saved = OrderTimeline.Decide(null, new OrderPlaced(_order), _order.PlacedAt, TimelinePolicy.Default).State with { Completed = true };
        // The last send's result reached the message's row but not the saved state: the run goes on from the row's status.
        var confirmation = saved.Messages.Single(m => m.Status == MessageStatus.Pending);
        var sent = confirmation with { Status = MessageStatus.Sent, ProviderMessageId = "acs-1" };
        await _readModels.SaveAsync(new OrderSnapshot(saved, [new MessageRecord(sent, "Subject", "Body")]), CancellationToken.None);
        Schedules();
        var click = new LinkClicked(null, "rec:SERUM-30");

        var raised = await Workflows().RaiseAsync("PP-42", click, CancellationToken.None);

        Assert.True(raised);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            nameof(OrderTimeline),
            It.Is<object?>(input => input is TimelineRun && ((TimelineRun)input).Next == click && ((TimelineRun)input).State!.Completed
                && ((TimelineRun)input).State!.Messages.Single(m => m.Key == confirmation.Key) == sent),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == "order-PP-42" && !o.DedupeStatuses!.Contains("Completed") && o.DedupeStatuses!.Contains("Running")),
            It.IsAny<CancellationToken>()), Times.Once);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RaiseAsync_LateInputWhileAnotherAlreadyReopenedIt_JoinsTheRunningInstanceAsAnEvent()
    {
        Exists(Instance(OrchestrationRuntimeStatus.Completed));
        var saved = OrderTimeline.Decide(null, new OrderPlaced(_order), _order.PlacedAt, TimelinePolicy.Default).State with { Completed = true };
        await _readModels.SaveAsync(new OrderSnapshot(saved, []), CancellationToken.None);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new OrchestrationAlreadyExistsException("running"));

        await Workflows().RaiseAsync("PP-42", new LinkClicked(null, "cta"), CancellationToken.None);

        _client.Verify(c => c.RaiseEventAsync("order-PP-42", OrderTimelineOrchestration.InputEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RaiseAsync_FailedOrder_ThrowsSoTheSenderRetriesAfterTheRepair()
    {
        Exists(Instance(OrchestrationRuntimeStatus.Failed));

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Workflows().RaiseAsync("PP-42", new OrderCancelled("merchant"), CancellationToken.None));

        Assert.Contains("PP-42", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAsync_NoClientAttached_ThrowsNamingTheFix()
    {
        var workflows = new DurableOrderWorkflows(new DurableClientScope(), _indexes, _readModels, NoLedger, Settings(), new MemoryStudioSettings(),
            Options.Create(new DurableTimelineOptions()), new FakeTimeProvider(), NullLogger<DurableOrderWorkflows>.Instance);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => workflows.StartAsync(_order, CancellationToken.None));

        Assert.Contains("[DurableClient]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RaiseAsync_OrderScheduledButNotStartedYet_RefusedForNowAndRaisesNothing()
    {
        // The backend drops an event that reaches an instance before its start is processed: the sender must send it again.
        // Scheduled and written once, a few milliseconds after its start message; a run that saved the order but was never
        // recorded (its host died) does not count: the history does not know of it yet.
        Exists(new OrchestrationMetadata(nameof(OrderTimeline), "order-PP-42")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Pending, CreatedAt = _order.PlacedAt, LastUpdatedAt = _order.PlacedAt.AddMilliseconds(40),
        });
        var saved = OrderTimeline.Decide(null, new OrderPlaced(_order), _order.PlacedAt, new PostPurchaseOptions().Policy).State;
        await _readModels.SaveAsync(new OrderSnapshot(saved, []), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<TimelineStartingException>(() =>
            Workflows(startWait: TimeSpan.Zero).RaiseAsync("PP-42", new TrackingUpdated(new TrackingEvent("generic", "e1", "postnl", "3SABCD1234567", TrackingStatus.InTransit, "in-transit", _order.PlacedAt)), CancellationToken.None));

        Assert.Equal("PP-42", refused.OrderId);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RaiseAsync_OrderStartsWhileTheInputWaits_RaisedOnceItRuns()
    {
        // A shop's webhook creates the order and registers its parcel in one delivery: it is answered once the timeline runs.
        _client.SetupSequence(c => c.GetInstanceAsync("order-PP-42", It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(Instance(OrchestrationRuntimeStatus.Pending))
            .ReturnsAsync(Instance(OrchestrationRuntimeStatus.Running));
        _client.Setup(c => c.RaiseEventAsync("order-PP-42", OrderTimelineOrchestration.InputEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        var time = new FakeTimeProvider(_order.PlacedAt);

        var raising = Workflows(time: time).RaiseAsync("PP-42", new OrderCancelled("merchant"), CancellationToken.None);
        while (!raising.IsCompleted)
        {
            time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(10);
        }

        Assert.True(await raising);
        _client.Verify(c => c.RaiseEventAsync("order-PP-42", OrderTimelineOrchestration.InputEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task RaiseAsync_PendingButWrittenAgainMinutesAfterItWasScheduled_RaisesTheEvent()
    {
        // The host died as it recorded the first run: the status stayed Pending though the history has the run and the instance
        // waits for events; the backend wrote its row again when it recorded the runs after.
        var scheduled = _order.PlacedAt;
        Exists(new OrchestrationMetadata(nameof(OrderTimeline), "order-PP-42")
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Pending, CreatedAt = scheduled, LastUpdatedAt = scheduled.AddMinutes(5).AddSeconds(40),
        });
        _client.Setup(c => c.RaiseEventAsync("order-PP-42", OrderTimelineOrchestration.InputEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);

        Assert.True(await Workflows().RaiseAsync("PP-42", new OrderCancelled("merchant"), CancellationToken.None));

        _client.Verify(c => c.RaiseEventAsync("order-PP-42", OrderTimelineOrchestration.InputEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task StartAsync_CarrierEventsParkedBeforeTheOrder_HandedOverInTheStartInputInOrderAndForgotten()
    {
        var order = OrderBuilder.Skincare().WithId("PP-42").WithShipment("postnl", "3SABCD1234567").Build();
        var scan = new TrackingEvent("generic", "e2", "postnl", "3SABCD1234567", TrackingStatus.InTransit, "in-transit", order.PlacedAt.AddHours(2));
        var received = scan with { EventId = "e1", Status = TrackingStatus.InfoReceived, RawStatus = "info-received", OccurredAt = order.PlacedAt.AddHours(1) };
        _indexes.Parked.AddRange([scan, received]);
        Exists(null);
        TimelineRun? started = null;
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .Callback<TaskName, object?, StartOrchestrationOptions?, CancellationToken>((_, input, _, _) => started = (TimelineRun)input!)
            .ReturnsAsync("order-PP-42");

        await Workflows().StartAsync(order, CancellationToken.None);

        Assert.IsType<OrderPlaced>(started!.Next);
        Assert.Equal(["e1", "e2"], started.Then!.Cast<TrackingUpdated>().Select(t => t.Event.EventId));
        Assert.Empty(_indexes.Parked);
        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task RaiseAsync_ShipmentRegistered_IndexesTheParcelAndReplaysEventsParkedForIt()
    {
        Exists(Instance(OrchestrationRuntimeStatus.Running));
        var payloads = new List<JsonElement>();
        _client.Setup(c => c.RaiseEventAsync("order-PP-42", OrderTimelineOrchestration.InputEvent, It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Callback<string, string, object?, CancellationToken>((_, _, p, _) => payloads.Add((JsonElement)p!))
            .Returns(Task.CompletedTask);
        var early = new TrackingEvent("aftership", "evt-1", "postnl", "3S-ABCD 1234567", TrackingStatus.InTransit, "InTransit", _order.PlacedAt.AddDays(1));
        _indexes.Parked.Add(early);

        await Workflows().RaiseAsync("PP-42", new ShipmentRegistered(new ShipmentRef("postnl", "3SABCD1234567")), CancellationToken.None);

        Assert.Equal("PP-42", _indexes.Parcels[early.ParcelKey]);
        Assert.Empty(_indexes.Parked);
        Assert.Equal(["shipment-registered", "tracking-updated"], payloads.Select(p => p.GetProperty("type").GetString()));
    }

    private DurableOrderWorkflows Workflows(TimeSpan? startWait = null, FakeTimeProvider? time = null)
    {
        var scope = new DurableClientScope();
        scope.Use(_client.Object);
        return new DurableOrderWorkflows(scope, _indexes, _readModels, NoLedger, Settings(), new MemoryStudioSettings(),
            Options.Create(new DurableTimelineOptions { StartWait = startWait ?? TimeSpan.FromSeconds(10) }),
            time ?? new FakeTimeProvider(_order.PlacedAt), NullLogger<DurableOrderWorkflows>.Instance);
    }

    // Only consent changes reach the ledger; these tests raise none, so it never connects.
    private static readonly ConsentLedger NoLedger = new(new StorageAccount("UseDevelopmentStorage=true", new StorageRequestCounter()));

    private static IOptionsMonitor<PostPurchaseOptions> Settings() =>
        Mock.Of<IOptionsMonitor<PostPurchaseOptions>>(m => m.CurrentValue == new PostPurchaseOptions());

    private void Exists(OrchestrationMetadata? instance) =>
        _client.Setup(c => c.GetInstanceAsync("order-PP-42", It.IsAny<bool>(), It.IsAny<CancellationToken>())).ReturnsAsync(instance);

    private void Schedules() =>
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("order-PP-42");

    private static OrchestrationMetadata Instance(OrchestrationRuntimeStatus status) =>
        new(nameof(OrderTimeline), "order-PP-42") { RuntimeStatus = status };
}
