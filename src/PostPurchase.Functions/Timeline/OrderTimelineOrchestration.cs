using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Functions.Timeline;

/// <summary>The <c>OrderTimeline</c> orchestration: one instance per order, id <c>order-{orderId}</c>.</summary>
/// <remarks>
/// Each execution waits for the first of an input event and the wake-up the decider asked for, lets
/// <see cref="OrderTimeline.Decide"/> apply it, sends what was decided (one activity per message), saves the
/// read model and continues as new, so the history stays small over weeks. Nothing here reads a clock, a Guid,
/// configuration or I/O: time is the orchestration's, everything configurable comes in <see cref="TimelineRun"/>.
/// </remarks>
public static partial class OrderTimelineOrchestration
{
    /// <summary>The external event every input arrives as.</summary>
    public const string InputEvent = "timeline-input";

    /// <summary>Guards against a decider that keeps answering its own outcomes: far above any real execution.</summary>
    internal const int MaxInputsPerExecution = 100;

    /// <summary>Runs one execution of an order's timeline.</summary>
    [Function(nameof(OrderTimeline))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, TimelineRun run)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        var log = context.CreateReplaySafeLogger(nameof(OrderTimelineOrchestration));
        var options = run.Retry.ToTaskOptions();
        var state = run.State;
        var inputs = new Queue<TimelineInput>();
        Task<TimelineInput>? lateEvent = null;
        if (run.Next is { } first)
        {
            inputs.Enqueue(first);
        }
        else
        {
            if (state is null)
            {
                throw new InvalidOperationException($"Orchestration {context.InstanceId} started with neither a state nor a first input.");
            }
            (var input, lateEvent) = await NextInputAsync(context, state.NextWakeAt);
            inputs.Enqueue(input);
        }

        var applied = 0;
        while (inputs.Count > 0)
        {
            while (inputs.TryDequeue(out var input))
            {
                if (++applied > MaxInputsPerExecution)
                {
                    throw new InvalidOperationException($"Orchestration {context.InstanceId} applied {MaxInputsPerExecution} inputs in one execution; stopping a loop.");
                }
                var decision = await DecideAsync(context, log, state, input, run.Policy, options);
                if (decision is null)
                {
                    continue;
                }
                state = decision.State;
                foreach (var signal in decision.Signals)
                {
                    await CallLoggedAsync(context, log, nameof(SignalActivities.PublishSignal), signal, options);
                }
                foreach (var message in decision.Messages.Where(m => m.Status == MessageStatus.Pending))
                {
                    foreach (var outcome in await SendAsync(context, log, state, message, options))
                    {
                        inputs.Enqueue(outcome);
                    }
                }
            }
            // The state travels in the orchestration itself; the read model is a view of it, so a failed save is
            // logged and the next execution's save catches up, instead of failing the order's timeline.
            await CallLoggedAsync(context, log, nameof(MessageActivities.SaveReadModel), state, options);

            // Inputs that arrived while this execution was busy are applied here rather than carried over by ContinueAsNew,
            // which re-sends them to the instance and can lose them on the way (microsoft/durabletask-dotnet#387). They sit
            // in the wait the wake-up left open or in the context's buffer, where a new wait completes at once; a wait that
            // is still open ends with this execution, and whatever arrives later goes to the next one.
            if (state is { Completed: false })
            {
                var arrived = lateEvent ?? context.WaitForExternalEvent<TimelineInput>(InputEvent);
                lateEvent = arrived.IsCompleted ? null : arrived;
                if (arrived.IsCompleted)
                {
                    inputs.Enqueue(await arrived);
                }
            }
        }

        var final = state ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no state after its first input.");
        if (final.Completed)
        {
            LogCompleted(log, context.InstanceId, final.Status);
            return;
        }
        context.ContinueAsNew(run with { State = final, Next = null }, preserveUnprocessedEvents: true);
    }

    /// <summary>
    /// The first of the input event and the durable timer at <paramref name="wakeAt"/>. When the event wins the timer is
    /// cancelled (a pending timer keeps the instance from completing). When the timer wins the event wait stays open and is
    /// returned, so an event arriving during the wake-up's work is applied in this execution instead of being lost to a
    /// cancelled wait.
    /// </summary>
    internal static async Task<(TimelineInput Input, Task<TimelineInput>? OpenWait)> NextInputAsync(
        TaskOrchestrationContext context, DateTimeOffset? wakeAt)
    {
        var inputEvent = context.WaitForExternalEvent<TimelineInput>(InputEvent);
        if (wakeAt is null)
        {
            return (await inputEvent, null);
        }
        using var timerCancellation = new CancellationTokenSource();
        var timer = context.CreateTimer(wakeAt.Value.UtcDateTime, timerCancellation.Token);
        var winner = await Task.WhenAny(inputEvent, timer);
        if (winner == inputEvent)
        {
            // Synchronous on purpose: orchestrator code must not hop to the thread pool (CancelAsync would).
            timerCancellation.Cancel();
            return (await inputEvent, null);
        }
        return (new WakeUp(), inputEvent);
    }

    /// <summary>
    /// Decides; when that hands out marketing, an activity reserves it in the buyer's profile (the weekly cap across their orders)
    /// and the decider runs again with the buyer's fresh activity. The activity's answer is in the history, so replays decide alike.
    /// </summary>
    private static async Task<Decision?> DecideAsync(
        TaskOrchestrationContext context, ILogger log, TimelineState? state, TimelineInput input, TimelinePolicy policy, TaskOptions options)
    {
        var decision = Decide(context, log, state, input, policy);
        if (decision is null || state?.Buyer is not { } buyer || MarketingLedger.Wanted(decision, Now(context)) is not { Count: > 0 } wanted)
        {
            return decision;
        }
        var activity = await context.CallActivityAsync<BuyerActivity>(
            nameof(BuyerActivities.ReserveMarketing), new ReserveMarketingRequest(buyer.Key, wanted, Now(context), policy.Growth), options);
        return Decide(context, log, OrderTimeline.WithBuyerActivity(state, activity), input, policy);
    }

    private static DateTimeOffset Now(TaskOrchestrationContext context) => new(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc));

    private static Decision? Decide(TaskOrchestrationContext context, ILogger log, TimelineState? state, TimelineInput input, TimelinePolicy policy)
    {
        var now = Now(context);
        if (state is null)
        {
            return OrderTimeline.Decide(null, input, now, policy);
        }
        try
        {
            return OrderTimeline.Decide(state, input, now, policy);
        }
        catch (ArgumentException ex)
        {
            // The decider refuses inputs that cannot belong to this order and leaves the state as it was.
            LogRejected(log, ex, context.InstanceId, input.GetType().Name, ex.Message);
            return null;
        }
    }

    private static async Task<IReadOnlyList<TimelineInput>> SendAsync(
        TaskOrchestrationContext context, ILogger log, TimelineState state, TimelineMessage message, TaskOptions options)
    {
        try
        {
            var result = await context.CallActivityAsync<SendResult>(
                nameof(MessageActivities.SendMessage), new SendMessageRequest(state, message), options);
            return SendOutcomes.ToInputs(message, result);
        }
        catch (TaskFailedException ex)
        {
            var error = ex.FailureDetails.ErrorMessage;
            LogSendFailed(log, context.InstanceId, message.Key, error);
            return [new MessageStatusChanged(message.Key, MessageStatus.Failed, Error: $"Not sent after every retry: {error}")];
        }
    }

    private static async Task CallLoggedAsync(TaskOrchestrationContext context, ILogger log, string activity, object? input, TaskOptions options)
    {
        try
        {
            await context.CallActivityAsync(activity, input, options);
        }
        catch (TaskFailedException ex)
        {
            LogActivityFailed(log, context.InstanceId, activity, ex.FailureDetails.ErrorMessage);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timeline {InstanceId}: {Activity} failed after every retry: {Error}")]
    private static partial void LogActivityFailed(ILogger logger, string instanceId, string activity, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timeline {InstanceId} rejected a {InputType}: {Problem}")]
    private static partial void LogRejected(ILogger logger, Exception exception, string instanceId, string inputType, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timeline {InstanceId} could not send {MessageKey}: {Error}")]
    private static partial void LogSendFailed(ILogger logger, string instanceId, string messageKey, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timeline {InstanceId} completed with the order {Status}")]
    private static partial void LogCompleted(ILogger logger, string instanceId, OrderStatus status);
}
