using Microsoft.DurableTask;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Functions.Timeline;

/// <summary>
/// The race between the next input event and the wake-up, kept across the inputs of one execution. Every durable timer is a
/// storage message that fires whether or not it was cancelled, so timers are reused: a timer already due at or before the
/// wake-up stays (one firing early only makes the race start again), and a new one is created only for an earlier wake-up.
/// The event wait is never cancelled (a cancelled wait can swallow a later event); it stays open until an event fills it.
/// </summary>
internal sealed class TimelineWaits(TaskOrchestrationContext context)
{
    private readonly List<(DateTime FireAt, Task Fired, CancellationTokenSource Cancel)> _timers = [];
    private Task<TimelineInput>? _event;

    /// <summary>The next input: an event, or a <see cref="WakeUp"/> once <paramref name="wakeAt"/> has come.</summary>
    public async Task<TimelineInput> NextAsync(DateTimeOffset? wakeAt)
    {
        while (true)
        {
            _event ??= context.WaitForExternalEvent<TimelineInput>(OrderTimelineOrchestration.InputEvent);
            var due = wakeAt?.UtcDateTime;
            if (due is { } at && !_timers.Any(t => t.FireAt <= at))
            {
                var cancel = new CancellationTokenSource();
                _timers.Add((at, context.CreateTimer(at, cancel.Token), cancel));
            }
            var winner = await Task.WhenAny([_event, .. _timers.Select(t => t.Fired)]);
            if (winner == _event)
            {
                var input = await _event;
                _event = null;
                return input;
            }
            var fired = _timers.Single(t => t.Fired == winner);
            _timers.Remove(fired);
            fired.Cancel.Dispose();
            if (due is { } dueAt && context.CurrentUtcDateTime >= dueAt)
            {
                return new WakeUp();
            }
        }
    }

    /// <summary>An input that has already arrived (on the open wait or buffered by the context), without waiting for one.</summary>
    public bool TryTakeArrived(out TimelineInput input)
    {
        _event ??= context.WaitForExternalEvent<TimelineInput>(OrderTimelineOrchestration.InputEvent);
        if (_event.IsCompletedSuccessfully)
        {
            input = _event.Result;
            _event = null;
            return true;
        }
        input = null!;
        return false;
    }

    /// <summary>Cancels every pending timer: an instance cannot complete, nor should it continue as new, with timers of its own pending.</summary>
    public void CancelTimers()
    {
        foreach (var timer in _timers)
        {
            // Synchronous on purpose: orchestrator code must not hop to the thread pool (CancelAsync would).
            timer.Cancel.Cancel();
            timer.Cancel.Dispose();
        }
        _timers.Clear();
    }
}
