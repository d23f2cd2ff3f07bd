using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using Moq.Protected;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Functions.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Functions.Tests.Support;

/// <summary>
/// A mocked <see cref="TaskOrchestrationContext"/> whose timers and input events the test controls, recording what the orchestrator
/// did. Mocked activities answer synchronously, so by the time <c>RunAsync</c> hands back its task the orchestrator has done
/// everything up to its next wait; the test raises the next event or fires a timer and looks again.
/// </summary>
internal sealed class OrchestrationContextMock
{
    // Like the Durable Task context: an event goes to the newest open wait, else it is buffered for the next wait.
    private readonly Queue<TimelineInput> _buffered = new();
    private readonly List<TaskCompletionSource<TimelineInput>> _waits = [];
    private readonly List<(DateTime FireAt, CancellationToken Token, TaskCompletionSource Fired)> _timers = [];
    private DateTime _now;

    public OrchestrationContextMock(DateTimeOffset now, string instanceId = "order-PP-1")
    {
        _now = now.UtcDateTime;
        Mock.Setup(c => c.InstanceId).Returns(instanceId);
        Mock.Setup(c => c.CurrentUtcDateTime).Returns(() => _now);
        Mock.Protected().Setup<ILoggerFactory>("LoggerFactory").Returns(NullLoggerFactory.Instance);
        // The real replay-safe logger over the factory above: a mocked virtual member would return null.
        Mock.Setup(c => c.CreateReplaySafeLogger(It.IsAny<string>())).CallBase();
        Mock.Setup(c => c.WaitForExternalEvent<TimelineInput>(OrderTimelineOrchestration.InputEvent, It.IsAny<CancellationToken>()))
            .Returns(Wait);
        Mock.Setup(c => c.CreateTimer(It.IsAny<DateTime>(), It.IsAny<CancellationToken>()))
            .Returns<DateTime, CancellationToken>((fireAt, token) =>
            {
                var fired = new TaskCompletionSource();
                _timers.Add((fireAt, token, fired));
                return fired.Task;
            });
        Mock.Setup(c => c.CallActivityAsync<CommitResult>(nameof(MessageActivities.CommitDecision), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Returns<TaskName, object?, TaskOptions?>((_, input, _) =>
            {
                var request = (CommitRequest)input!;
                Commits.Add(request);
                // The activity's rule: a decision made with an older studio version than the one in force is refused, nothing done.
                if (request.CheckSettings && SettingsInForce is { SettingsVersion: { } inForce } newer && inForce > (request.SettingsVersion ?? 0))
                {
                    return Task.FromResult(CommitResult.NewerSettings(newer));
                }
                OnCommit?.Invoke(request);
                return Task.FromResult(new CommitResult([.. request.Send.Select(m => Answer(m))], SignalError, SaveError));
            });
        Mock.Setup(c => c.CallActivityAsync<SendResult>(nameof(MessageActivities.SendMessage), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((_, input, _) => Retried.Add((SendMessageRequest)input!))
            .ReturnsAsync(() => SendResult.Sent($"SM-retry{Retried.Count}"));
        Mock.Setup(c => c.CallActivityAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<TaskOptions?>()))
            .Callback<TaskName, object?, TaskOptions?>((name, input, _) => Activities.Add((name.Name, input)))
            .Returns(Task.CompletedTask);
        Mock.Setup(c => c.SetCustomStatus(It.IsAny<object?>())).Callback<object?>(status => Progress = (TimelineProgress?)status);
        Mock.Setup(c => c.ContinueAsNew(It.IsAny<object?>(), It.IsAny<bool>()))
            .Callback<object?, bool>((input, preserve) => (ContinuedWith, PreservedEvents) = ((TimelineRun?)input, preserve));
    }

    public Mock<TaskOrchestrationContext> Mock { get; } = new();

    public TaskOrchestrationContext Object => Mock.Object;

    /// <summary>Every commit activity call, in order.</summary>
    public List<CommitRequest> Commits { get; } = [];

    /// <summary>What the provider answers a message in a commit; every message is sent by default.</summary>
    public Func<TimelineMessage, SendResult> Answer { get; set; } = m => SendResult.Sent($"SM-{m.Intent}");

    /// <summary>What the commits report about signals (null: published).</summary>
    public string? SignalError { get; set; }

    /// <summary>What the commits report about the save (null: saved).</summary>
    public string? SaveError { get; set; }

    /// <summary>The studio settings version in force as the commit activity sees it (null: the configuration file's).</summary>
    public TimelinePolicy? SettingsInForce { get; set; }

    /// <summary>Called on each commit before it answers (an event landing meanwhile, for example).</summary>
    public Action<CommitRequest>? OnCommit { get; set; }

    /// <summary>Every message sent in a commit, with the state it was sent from, in order.</summary>
    public IEnumerable<SendMessageRequest> Sent => Commits.SelectMany(c => c.Send.Select(m => new SendMessageRequest(c.State, m)));

    /// <summary>Every single-message send activity (the retry of a send the provider put off), in order.</summary>
    public List<SendMessageRequest> Retried { get; } = [];

    /// <summary>Every call of an activity without a result (the fallback save, publish), in order.</summary>
    public List<(string Name, object? Input)> Activities { get; } = [];

    /// <summary>The states written to the read model, by commits and fallback saves, in order.</summary>
    public IEnumerable<TimelineState> Saved => Commits.Select(c => c.State)
        .Concat(Activities.Where(a => a.Name == nameof(MessageActivities.SaveReadModel)).Select(a => (TimelineState)a.Input!));

    /// <summary>The state of the last commit: where the timeline stands.</summary>
    public TimelineState Latest => Commits[^1].State;

    /// <summary>The fire times of every timer created, in order.</summary>
    public IReadOnlyList<DateTime> TimersCreated => _timers.Select(t => t.FireAt).ToList();

    public DateTime? TimerFireAt => _timers.Count > 0 ? _timers[^1].FireAt : null;

    public CancellationToken TimerToken => _timers.Count > 0 ? _timers[^1].Token : CancellationToken.None;

    public TimelineProgress? Progress { get; private set; }

    public TimelineRun? ContinuedWith { get; private set; }

    public bool? PreservedEvents { get; private set; }

    /// <summary>Starts an execution; it runs until its first wait that nothing completes yet.</summary>
    public Task Start(TimelineRun run) => WithoutContext(() => OrderTimelineOrchestration.RunAsync(Object, run));

    /// <summary>Raises an input event: the newest open wait gets it, else the context buffers it. The orchestrator runs on until its next wait.</summary>
    public void RaiseEvent(TimelineInput input) => WithoutContext(() =>
    {
        var open = _waits.LastOrDefault(w => !w.Task.IsCompleted);
        if (open is null)
        {
            _buffered.Enqueue(input);
            return 0;
        }
        open.SetResult(input);
        return 0;
    });

    /// <summary>Fires the pending timer due first (or the one due at <paramref name="fireAt"/>), with the clock moved to its time.</summary>
    public void FireTimer(DateTime? fireAt = null) => WithoutContext(() =>
    {
        var timer = _timers.Where(t => !t.Fired.Task.IsCompleted && (fireAt is null || t.FireAt == fireAt)).MinBy(t => t.FireAt);
        _now = timer.FireAt > _now ? timer.FireAt : _now;
        timer.Fired.SetResult();
        return 0;
    });

    /// <summary>Timers created and neither fired nor cancelled.</summary>
    public IReadOnlyList<DateTime> PendingTimers => _timers.Where(t => !t.Fired.Task.IsCompleted && !t.Token.IsCancellationRequested).Select(t => t.FireAt).ToList();

    // The orchestrator's continuations then run inline on the completing call, as the Durable Task worker runs them on its own thread.
    private static T WithoutContext<T>(Func<T> action)
    {
        var saved = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return action();
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(saved);
        }
    }

    /// <summary>Moves the orchestration's clock (the time of the next episode).</summary>
    public void AdvanceTo(DateTimeOffset now) => _now = now.UtcDateTime;

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
}
