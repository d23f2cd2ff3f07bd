using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Admission control of the embedded engine, on the queueing delay storage causes (CoDel-style): once more inputs wait than
/// the workers take at a time and the oldest has waited past <see cref="EngineOptions.AdmissionTarget"/>, new work is refused
/// with a Retry-After that grows with that wait; <see cref="EngineOptions.MaxBacklog"/> stays a hard cap on the count.
/// </summary>
internal sealed class EngineAdmission(InputBacklog backlog, EngineOptions options) : IAdmission
{
    /// <summary>Inputs accepted and not applied yet.</summary>
    public int Backlog => backlog.Count;

    public TimeSpan? RetryAfter()
    {
        var count = backlog.Count;
        var overCap = count >= options.MaxBacklog;
        // Up to one input per worker is being applied, not waiting: a slow apply alone (a lone storage stall, conflict
        // retries of one order) is no queue, and refusing for it would turn work away from an idle engine.
        var wait = count > options.Parallelism ? backlog.OldestWait() : TimeSpan.Zero;
        var overTarget = wait > options.AdmissionTarget;
        if (!overCap && !overTarget)
        {
            return null;
        }

        // Whole seconds, growing with how far past the bound the engine is: the oldest input's wait so far is the best guess
        // of how long storage needs to catch up, so a stalled storage gets longer pauses.
        var byCount = overCap ? 1 + (count / Math.Max(1, options.MaxBacklog)) : 1;
        var byWait = (int)Math.Ceiling(wait.TotalSeconds);
        return TimeSpan.FromSeconds(Math.Clamp(Math.Max(byCount, byWait), 1, 30));
    }
}
