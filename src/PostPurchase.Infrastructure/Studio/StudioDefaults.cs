using PostPurchase.Core.Studio;
using PostPurchase.Infrastructure.Configuration;

namespace PostPurchase.Infrastructure.Studio;

/// <summary>The studio document the configuration file describes (version 0): branding, policy and WhatsApp templates as configured.</summary>
internal static class StudioDefaults
{
    public static StudioSettings From(PostPurchaseOptions options) => new StudioSettings
    {
        Branding = options.Branding with { SenderName = options.Branding.SenderName ?? options.Email.SenderName },
        Policy = options.Policy,
        WhatsAppTemplates = options.Twilio.WhatsAppTemplates,
    }.Normalized();
}
