using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Carriers;

/// <summary>One provider's webhook: verify its signature, then normalise its payload into tracking events.</summary>
public interface ICarrierWebhook
{
    /// <summary>The route name: aftership, easypost, sendcloud, shippo or generic.</summary>
    string Provider { get; }

    /// <summary>True when the request carries a valid signature for <paramref name="secret"/> (constant-time compare).</summary>
    /// <exception cref="ArgumentException">The secret is blank: a webhook is never accepted without one.</exception>
    bool Verify(CarrierWebhookRequest request, string secret);

    /// <summary>Normalises the payload; throws <see cref="CarrierPayloadException"/> when it is malformed.</summary>
    /// <remarks>Events of other kinds (batches, transactions, integration notices) give an empty list.</remarks>
    IReadOnlyList<TrackingEvent> Parse(CarrierWebhookRequest request);
}
