using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Functions.Timeline;

/// <summary>The input of one execution of the <c>OrderTimeline</c> orchestration, carried across ContinueAsNew.</summary>
/// <param name="State">The timeline so far; null before the first input.</param>
/// <param name="Next">An input to apply before waiting (the first <see cref="OrderPlaced"/>); null to wait for the next event or the wake-up.</param>
/// <param name="Policy">The rules the order runs under: the studio's version in force at intake, replaced when a commit reports a newer one (the answer is in the history, so replays decide alike).</param>
/// <param name="Retry">How the send and save activities are retried.</param>
/// <param name="Then">Inputs to apply after <paramref name="Next"/>, before waiting: events that arrived before the order's timeline existed (carrier events parked until the parcel was registered). They travel in the start input because an event raised to an instance that has not started yet can be dropped.</param>
/// <remarks>Orchestrator code may not read configuration, so everything configurable it needs travels here.</remarks>
public sealed record TimelineRun(TimelineState? State, TimelineInput? Next, TimelinePolicy Policy, ActivityRetry Retry, IReadOnlyList<TimelineInput>? Then = null);
