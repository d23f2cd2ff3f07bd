using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>A mocked <see cref="TaskOrchestrationContext"/> whose timer and input events the test controls, recording what the orchestrator did.</summary>
internal sealed class OrchestrationContextMock
{
    // Like the Durable Task context: an event goes to the newest open wait, else it is buffered for the next wait.
    private readonly Queue<TimelineInput> _buffered = new();
    private readonly List<TaskCompletionSource<TimelineInput>> _waits = [];
    private readonly TaskCompletionSource _timer = new();

    public OrchestrationContextMock(DateTimeOffset now, string instanceId = "order-PP-1")
    {
        Mock.Setup(c => c.InstanceId).Returns(instanceId);
        Mock.Setup(c => c.CurrentUtcDateTime).Returns(now.UtcDateTime);
        Mock.Protected().Setup<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        // The real replay-safe logger over the factory above: a mocked virtual member would return null.
        Mock.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).CallBase();
        Mock.Setup(c => c.WaitForExternalEvent<TimelineInput>(OrderTimelineOrchestration.InputEvent, It.IsAny<CancellationToken>()))
            .Returns(Wait);
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Callback<DateTime, CancellationToken>((fireAt, token) => (TimerFireAt, TimerToken) = (fireAt, token))
            .Returns(_timer.Task);
        Mock.Setup(c => c.CallActivityAsync<SendResult>(nameof(MessageActivities.SendMessage), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => Sent.Add((SendMessageRequest)input!))
            .ReturnsAsync(() => SendResult.Sent($"SM{Sent.Count}"));
        Mock.Setup(c => c.CallActivityAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((name, input, _) => Activities.Add((name.Name, input)))
            .Returns(Task.CompletedTask);
        Mock.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()))
            .Callback<object?, bool>((input, preserve) => (ContinuedWith, PreservedEvents) = ((TimelineRun?)input, preserve));
    }

    public Mock<TaskOrchestrationContext> Mock { get; } = new();

    public TaskOrchestrationContext Object => Mock.Object;

    /// <summary>Every send activity call, in order.</summary>
    public List<SendMessageRequest> Sent { get; } = [];

    /// <summary>Every call of an activity without a result (save, publish), in order.</summary>
    public List<(string Name, object? Input)> Activities { get; } = [];

    public DateTime? TimerFireAt { get; private set; }

    public CancellationToken TimerToken { get; private set; }

    public TimelineRun? ContinuedWith { get; private set; }

    public bool? PreservedEvents { get; private set; }

    /// <summary>The read models saved, in order.</summary>
    public IEnumerable<TimelineState> Saved =>
        Activities.Where(a => a.Name == nameof(MessageActivities.SaveReadModel)).Select(a => (TimelineState)a.Input!);

    public void RaiseEvent(TimelineInput input)
    {
        var open = _waits.LastOrDefault(w => !w.Task.IsCompleted);
        if (open is null)
        {
            _buffered.Enqueue(input);
            return;
        }
        open.SetResult(input);
    }

    private Task<TimelineInput> Wait()
    {
        if (_buffered.TryDequeue(out var input))
        {
            return Task.FromResult(input);
        }
        var wait = new TaskCompletionSource<TimelineInput>();
        _waits.Add(wait);
        return wait.Task;
    }

    public void FireTimer() => _timer.SetResult();
}
