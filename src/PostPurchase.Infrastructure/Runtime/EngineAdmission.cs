using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>
/// Admission control of the embedded engine: inputs this process accepted and has not applied yet (queued here, or being
/// applied) are its backlog; past <see cref="EngineOptions.MaxBacklog"/> new work is refused with a Retry-After that grows
/// with the backlog, so accepted work keeps a bounded wait instead of queueing without end in front of storage.
/// </summary>
internal sealed class EngineAdmission(InboxQueue inbox, TimelineApplier applier, EngineOptions options) : IAdmission
{
    /// <summary>Inputs accepted and not applied yet.</summary>
    public int Backlog => inbox.Local.Count + applier.InFlight;

    public TimeSpan? RetryAfter()
    {
        var backlog = Backlog;
        if (backlog < options.MaxBacklog)
        {
            return null;
        }
        // Roughly how long the engine needs to work the backlog off at the rate it sustains, in whole seconds.
        var seconds = Math.Clamp(1 + (backlog / Math.Max(1, options.MaxBacklog)), 1, 30);
        return TimeSpan.FromSeconds(seconds);
    }
}
