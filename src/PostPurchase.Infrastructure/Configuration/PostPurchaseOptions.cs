using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;

namespace PostPurchase.Infrastructure.Configuration;

/// <summary>The <c>PostPurchase</c> configuration section, the same names in both runtimes (env: <c>PostPurchase__Name</c>).</summary>
public sealed class PostPurchaseOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "PostPurchase";

    /// <summary>Merchant API key, sent as <c>x-functions-key</c> or <c>?code=</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Storage connection string (<c>UseDevelopmentStorage=true</c> for Azurite); falls back to <c>AzureWebJobsStorage</c>.</summary>
    /// <remarks>Identity-based settings (<c>PostPurchase:Storage:accountName</c>, ...) are read by <c>StorageConnection</c>.</remarks>
    public string? Storage { get; set; }

    /// <summary>Base of the links in messages (tracking page, actions).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Key that signs customer-link tokens.</summary>
    public string? SigningKey { get; set; }

    /// <summary><c>System</c> (default) or <c>Simulated</c> (refused in Production).</summary>
    public string Clock { get; set; } = "System";

    /// <summary>Inputs accepted and not yet applied past which intake and carrier webhooks answer 503 with Retry-After whatever their wait (self-hosted runtime).</summary>
    public int MaxBacklog { get; set; } = 128;

    /// <summary>Milliseconds the oldest accepted input may wait unapplied before intake and webhooks answer 503 with Retry-After (self-hosted runtime).</summary>
    public int AdmissionTargetMs { get; set; } = 500;

    /// <summary>Webhook secrets per carrier provider (aftership, easypost, sendcloud, shippo, generic).</summary>
    public Dictionary<string, CarrierOptions> Carriers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Email channel settings.</summary>
    public EmailOptions Email { get; set; } = new();

    /// <summary>Twilio SMS/WhatsApp settings.</summary>
    public TwilioOptions Twilio { get; set; } = new();

    /// <summary>The timeline's business rules.</summary>
    public TimelinePolicy Policy { get; set; } = new();

    /// <summary>The merchant's look and contacts.</summary>
    public Branding Branding { get; set; } = new();

    /// <summary>Orders and fulfilments straight from Shopify, WooCommerce and Shopware 6.</summary>
    public ShopOptions Shops { get; set; } = new();

    /// <summary>The merchant studio: how fast saved settings reach every process, test-send limit.</summary>
    public Studio.StudioOptions Studio { get; set; } = new();
}

/// <summary>One carrier provider's webhook settings.</summary>
public sealed class CarrierOptions
{
    /// <summary>The shared secret the provider signs with (Shippo: the URL token).</summary>
    public string? Secret { get; set; }
}

/// <summary>Email provider settings.</summary>
public sealed class EmailOptions
{
    /// <summary><c>Outbox</c> (default: record only), <c>Smtp</c> or <c>Acs</c>.</summary>
    public string Provider { get; set; } = "Outbox";

    /// <summary>ACS connection string (<c>endpoint=...;accesskey=...</c>), or just the endpoint with managed identity.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Sender address (verified ACS domain or SMTP from).</summary>
    public string Sender { get; set; } = "noreply@localhost";

    /// <summary>Sender display name; the shop name when empty.</summary>
    public string? SenderName { get; set; }

    /// <summary>SMTP host.</summary>
    public string? SmtpHost { get; set; }

    /// <summary>SMTP port.</summary>
    public int SmtpPort { get; set; } = 587;

    /// <summary>SMTP user name, when the server needs one.</summary>
    public string? SmtpUser { get; set; }

    /// <summary>SMTP password.</summary>
    public string? SmtpPassword { get; set; }

    /// <summary>Use STARTTLS/TLS when the server offers it.</summary>
    public bool SmtpUseTls { get; set; } = true;

    /// <summary>The secret Event Grid sends with ACS delivery reports (the <c>key</c> query parameter or an <c>x-postpurchase-key</c> delivery header); without it reports are refused.</summary>
    public string? EventGridKey { get; set; }
}

/// <summary>Twilio settings; without an account SID texts are only recorded (outbox).</summary>
public sealed class TwilioOptions
{
    /// <summary>Account SID (AC...).</summary>
    public string? AccountSid { get; set; }

    /// <summary>Auth token (or API key secret when <see cref="ApiKeySid"/> is set).</summary>
    public string? AuthToken { get; set; }

    /// <summary>API key SID (SK...), optional alternative to account SID + auth token for basic auth.</summary>
    public string? ApiKeySid { get; set; }

    /// <summary>SMS sender number.</summary>
    public string? From { get; set; }

    /// <summary>WhatsApp sender number (without the whatsapp: prefix).</summary>
    public string? WhatsAppFrom { get; set; }

    /// <summary>Messaging Service SID (MG...), used instead of From when set.</summary>
    public string? MessagingServiceSid { get; set; }

    /// <summary>API base URL; tests point it at a local stub.</summary>
    public string BaseUrl { get; set; } = "https://api.twilio.com";

    /// <summary>WhatsApp Content template SIDs per intent and locale, key "intent.locale" (e.g. "shipped.nl") or "intent".</summary>
    public Dictionary<string, string> WhatsAppTemplates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}
