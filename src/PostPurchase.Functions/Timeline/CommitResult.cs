using PostPurchase.Core.Policies;
using PostPurchase.Infrastructure.Channels;

namespace PostPurchase.Functions.Timeline;

/// <summary>What the commit activity did: one send result per message (in request order) and whatever did not go through.</summary>
/// <param name="Sends">The provider's answer per message; <see cref="SendOutcome.Retry"/> when it asked for later or the sender threw.</param>
/// <param name="SignalError">Null when every signal was published; else the first error (the orchestrator publishes them again).</param>
/// <param name="SaveError">Null when the read model was saved; else the error (the orchestrator saves again with retries).</param>
/// <param name="Newer">Non-null when the commit was refused because a newer studio settings version is in force: its policy. Nothing was done.</param>
public sealed record CommitResult(IReadOnlyList<SendResult> Sends, string? SignalError, string? SaveError, TimelinePolicy? Newer = null)
{
    /// <summary>The refusal of a decision made with an older settings version: nothing published, sent or saved.</summary>
    public static CommitResult NewerSettings(TimelinePolicy policy) => new([], null, null, policy);
}
