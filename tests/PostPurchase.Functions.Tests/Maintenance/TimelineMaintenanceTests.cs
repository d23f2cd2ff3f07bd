using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Configuration;
using PostPurchase.Functions.Maintenance;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;

namespace PostPurchase.Functions.Tests.Maintenance;

public sealed class TimelineMaintenanceTests
{
    private readonly Mock<DurableTaskClient> _client = new("test");
    private readonly TimelineState _state;
    private readonly FakeTimeProvider _time;
    private readonly Support.InMemoryReadModelStore _readModels = new();

    public TimelineMaintenanceTests()
    {
        var order = OrderBuilder.Skincare().Build();
        _state = OrderTimeline.Decide(null, new OrderPlaced(order), order.PlacedAt, TimelinePolicy.Default).State;
        _time = new FakeTimeProvider(_state.NextWakeAt!.Value.AddHours(2));
        _client.Setup(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()))
            .Returns(Task.CompletedTask);
        _client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(
                It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync("order-PP-1");
    }

    [Fact]
    public async Task SweepStuckTimelines_OverdueRunningTimeline_SendsItAWakeUp()
    {
        Instances(Instance("order-PP-1", OrchestrationRuntimeStatus.Running, lastUpdated: _state.Order.PlacedAt));

        await Sweep();

        _client.Verify(c => c.RaiseEventAsync("order-PP-1", OrderTimelineOrchestration.InputEvent,
            It.Is<object?>(p => p is JsonElement && ((JsonElement)p).GetProperty("type").GetString() == "wake-up"),
            It.IsAny<CancellationToken>()), Times.Once);
        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SweepStuckTimelines_FailedTimeline_RestartsItFromItsStateReplacingOnlyTheFailedInstance()
    {
        Instances(Instance("order-PP-1", OrchestrationRuntimeStatus.Failed, lastUpdated: _time.GetUtcNow()));

        await Sweep();

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            nameof(OrderTimeline),
            It.Is<object?>(r => r is TimelineRun && ((TimelineRun)r).State!.Order.OrderId == _state.Order.OrderId && ((TimelineRun)r).Next == null),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == "order-PP-1" && !o.DedupeStatuses!.Contains("Failed") && o.DedupeStatuses!.Contains("Running")),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task SweepStuckTimelines_HealthyTimeline_LeavesItAlone()
    {
        Instances(Instance("order-PP-1", OrchestrationRuntimeStatus.Running, lastUpdated: _time.GetUtcNow()));

        await Sweep();

        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SweepStuckTimelines_RunningTimelineWhoseWakeUpMovedLater_LeavesItAlone()
    {
        // The execution began with the ship-by check due; an input since moved the wake-up days ahead (its progress status says so).
        Instances(Instance("order-PP-1", OrchestrationRuntimeStatus.Running, lastUpdated: _state.Order.PlacedAt,
            progress: new TimelineProgress(_time.GetUtcNow().AddDays(3), _state.Version + 1)));

        await Sweep();

        _client.Verify(c => c.RaiseEventAsync(It.IsAny<string>(), It.IsAny<string>(), It.IsAny<object?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task SweepStuckTimelines_FailedAfterLaterCommits_RestartsFromTheReadModelWithItsSendResults()
    {
        var confirmation = _state.Messages.Single(m => m.Intent == Intent.OrderConfirmation && m.Status == MessageStatus.Pending);
        var later = _state with { Version = _state.Version + 2 };
        await _readModels.SaveAsync(new OrderSnapshot(later, [new MessageRecord(confirmation with { Status = MessageStatus.Sent, ProviderMessageId = "acs-1" }, "Subject", "Body")]), CancellationToken.None);
        Instances(Instance($"order-{_state.Order.OrderId}", OrchestrationRuntimeStatus.Failed, lastUpdated: _time.GetUtcNow()));

        await Sweep();

        _client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            nameof(OrderTimeline),
            It.Is<object?>(r => r is TimelineRun && ((TimelineRun)r).State!.Version == later.Version
                && ((TimelineRun)r).State!.Messages.Single(m => m.Key == confirmation.Key).Status == MessageStatus.Sent),
            It.IsAny<StartOrchestrationOptions?>(),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    private Task Sweep() =>
        new TimelineMaintenance(Options.Create(new DurableTimelineOptions()), _readModels, _time, NullLogger<TimelineMaintenance>.Instance)
            .SweepStuckTimelines(new TimerInfo(), _client.Object, new Mock<FunctionContext>().Object);

    private void Instances(params OrchestrationMetadata[] instances) =>
        _client.Setup(c => c.GetAllInstancesAsync(It.IsAny<OrchestrationQuery?>()))
            .Returns(Pageable.Create((string? _, CancellationToken _) => Task.FromResult(new Page<OrchestrationMetadata>(instances))));

    private OrchestrationMetadata Instance(string instanceId, OrchestrationRuntimeStatus status, DateTimeOffset lastUpdated, TimelineProgress? progress = null) =>
        new(nameof(OrderTimeline), instanceId)
        {
            SerializedCustomStatus = progress is null ? null : JsonSerializer.Serialize(progress, CoreJson.Options),
            RuntimeStatus = status,
            CreatedAt = lastUpdated,
            LastUpdatedAt = lastUpdated,
            DataConverter = new JsonDataConverter(CoreJson.Options),
            SerializedInput = JsonSerializer.Serialize(new TimelineRun(_state, null, TimelinePolicy.Default, ActivityRetry.Default), CoreJson.Options),
        };
}
