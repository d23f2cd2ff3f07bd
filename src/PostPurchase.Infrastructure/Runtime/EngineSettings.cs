using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Infrastructure.Runtime;

/// <summary>One settings version as the engine uses it: the decider's policy, the renderer, and what the senders take from it.</summary>
/// <param name="Branding">Sender name and reply-to for the channel senders; null: the configured branding.</param>
/// <param name="WhatsAppTemplate">The approved WhatsApp template per intent and locale; null: the configured ones.</param>
internal sealed record EngineSettings(
    TimelinePolicy Policy,
    Func<TimelineMessage, TimelineState, RenderedMessage> Render,
    Branding? Branding = null,
    Func<Intent, string, string?>? WhatsAppTemplate = null);
