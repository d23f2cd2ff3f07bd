using PostPurchase.Core.Timeline;

namespace PostPurchase.Functions.Timeline;

/// <summary>The input of the commit activity: one decision's new state, the messages to send now and the signals to publish.</summary>
/// <param name="SettingsVersion">The studio settings version the decision was made with (null: the configuration file's).</param>
/// <param name="CheckSettings">Refuse the commit, doing nothing, when a newer settings version is in force (the orchestrator then decides again with it).</param>
public sealed record CommitRequest(
    TimelineState State,
    IReadOnlyList<TimelineMessage> Send,
    IReadOnlyList<MerchantSignal> Signals,
    int? SettingsVersion = null,
    bool CheckSettings = false);
