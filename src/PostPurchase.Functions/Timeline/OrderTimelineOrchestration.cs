using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Functions.Timeline;

/// <summary>The <c>OrderTimeline</c> orchestration: one instance per order, id <c>order-{orderId}</c>.</summary>
/// <remarks>
/// An execution waits for the first of an input event and the wake-up the decider asked for, lets
/// <see cref="OrderTimeline.Decide"/> apply it and commits each decision with one activity (publish, send, save), then waits
/// again; after <see cref="InputsBeforeContinuing"/> inputs it continues as new, so the history stays small over weeks.
/// Nothing here reads a clock, a Guid, configuration or I/O: time is the orchestration's, everything configurable comes in
/// <see cref="TimelineRun"/>. The studio's settings reach it through the commits: a commit of a decision made with an older
/// settings version is refused with the newer policy, and the input is decided again with it (docs/studio.md).
/// </remarks>
public static partial class OrderTimelineOrchestration
{
    /// <summary>The external event every input arrives as.</summary>
    public const string InputEvent = "timeline-input";

    /// <summary>
    /// Inputs (events and wake-ups) one execution applies before it continues as new. A whole timeline usually fits in one
    /// execution; the bound keeps the history every replay loads at a few hundred events for orders that see many more.
    /// </summary>
    internal const int InputsBeforeContinuing = 24;

    /// <summary>Guards against a decider that keeps answering its own outcomes: far above any real input.</summary>
    internal const int MaxDecisionsPerInput = 100;

    /// <summary>Runs one execution of an order's timeline.</summary>
    [Function(nameof(OrderTimeline))]
    public static async Task RunAsync([OrchestrationTrigger] TaskOrchestrationContext context, TimelineRun run)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(run);
        var log = context.CreateReplaySafeLogger(nameof(OrderTimelineOrchestration));
        var commits = new DecisionCommits(context, log, run.Retry);
        var options = run.Retry.ToTaskOptions();
        var waits = new TimelineWaits(context);
        var state = run.State;
        if (run.Next is null && state is null)
        {
            throw new InvalidOperationException($"Orchestration {context.InstanceId} started with neither a state nor a first input.");
        }

        var received = 0;
        // The inputs the execution was started with come first, in order; then it waits for events and wake-ups.
        var given = new Queue<TimelineInput>(run.Then ?? []);
        if (run.Next is not null)
        {
            given = new Queue<TimelineInput>([run.Next, .. given]);
        }
        var policy = run.Policy;
        // Started again for a late input (DurableOrderWorkflows.ReopenAsync): what the decider records must reach the read model
        // even when no commit writes it (a status report only touches the message's row).
        var reopened = state is { Completed: true } && run.Next is not null;
        while (true)
        {
            var input = given.TryDequeue(out var first) ? first : await waits.NextAsync(state!.NextWakeAt);
            (state, policy) = await ApplyAsync(context, log, commits, options, policy, state, input);
            received++;
            if (state.Completed)
            {
                if (reopened)
                {
                    await commits.SaveAsync(state);
                }
                waits.CancelTimers();
                LogCompleted(log, context.InstanceId, state.Status);
                return;
            }
            context.SetCustomStatus(new TimelineProgress(state.NextWakeAt, state.Version));
            if (received < InputsBeforeContinuing)
            {
                continue;
            }

            // Inputs that already arrived are applied here rather than carried over by ContinueAsNew, which re-sends them to the
            // instance and can lose them on the way (microsoft/durabletask-dotnet#387). A wait that is still open ends with this
            // execution, and whatever arrives later goes to the next one.
            while (waits.TryTakeArrived(out var arrived))
            {
                (state, policy) = await ApplyAsync(context, log, commits, options, policy, state, arrived);
                if (state.Completed)
                {
                    waits.CancelTimers();
                    LogCompleted(log, context.InstanceId, state.Status);
                    return;
                }
            }
            waits.CancelTimers();
            context.ContinueAsNew(run with { State = state, Next = null, Then = [.. given], Policy = policy }, preserveUnprocessedEvents: true);
            return;
        }
    }

    /// <summary>
    /// Applies one input and the send outcomes it leads to, committing each decision that sends, publishes or changes what the
    /// read model shows. A decision that only records a send result is not saved again: the commit already wrote it on the
    /// message's row, and the next save carries it in the state. The input's first commit asks whether a newer studio settings version
    /// is in force; refused, it leaves the input at the head of the queue to be decided again with that version. Later commits of
    /// the same input are not checked, so an input costs at most one refused commit. Returns the state and the policy to go on with.
    /// </summary>
    private static async Task<(TimelineState State, TimelinePolicy Policy)> ApplyAsync(
        TaskOrchestrationContext context, ILogger log, DecisionCommits commits, TaskOptions options, TimelinePolicy policy, TimelineState? state, TimelineInput input)
    {
        var inputs = new Queue<TimelineInput>([input]);
        var decisions = 0;
        var unsaved = false;
        var checkSettings = true;
        while (inputs.TryPeek(out var next))
        {
            if (++decisions > MaxDecisionsPerInput)
            {
                throw new InvalidOperationException($"Orchestration {context.InstanceId} made {MaxDecisionsPerInput} decisions for one input; stopping a loop.");
            }
            var decision = await DecideAsync(context, log, state, next, policy, options);
            if (decision is null)
            {
                inputs.Dequeue();
                continue;
            }
            var send = decision.Messages.Where(m => m.Status == MessageStatus.Pending).ToList();
            if (send.Count == 0 && decision.Signals.Count == 0 && next is MessageStatusChanged
                && state is not null && state.Completed == decision.State.Completed && state.Status == decision.State.Status)
            {
                state = decision.State;
                inputs.Dequeue();
                continue;
            }
            var (outcomes, saved, newer) = await commits.CommitAsync(decision.State, send, decision.Signals, policy, checkSettings);
            checkSettings = false;
            if (newer is not null)
            {
                LogNewerSettings(log, context.InstanceId, newer.SettingsVersion ?? 0);
                policy = newer;
                continue;
            }
            inputs.Dequeue();
            state = decision.State;
            unsaved = !saved;
            foreach (var outcome in outcomes)
            {
                inputs.Enqueue(outcome);
            }
        }
        var final = state ?? throw new InvalidOperationException($"Orchestration {context.InstanceId} has no state after its first input.");
        if (unsaved)
        {
            await commits.SaveAsync(final);
        }
        return (final, policy);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Timeline {InstanceId} rejected a {InputType}: {Problem}")]
    private static partial void LogRejected(ILogger logger, Exception exception, string instanceId, string inputType, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timeline {InstanceId} decides again with studio settings version {Version}, which came into force since its last decision")]
    private static partial void LogNewerSettings(ILogger logger, string instanceId, int version);

    [LoggerMessage(Level = LogLevel.Information, Message = "Timeline {InstanceId} completed with the order {Status}")]
    private static partial void LogCompleted(ILogger logger, string instanceId, OrderStatus status);
}
