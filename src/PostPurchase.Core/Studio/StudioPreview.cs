using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Studio;

/// <summary>Renders one intent on one channel in one locale with the real composer, for a real order or the sample one.</summary>
public static class StudioPreview
{
    /// <summary>Links used when previewing the sample order.</summary>
    public static MessageLinks SampleLinks => SampleOrder.Links;

    /// <summary>The sample order (one parcel in transit), for previews when no real order is chosen.</summary>
    public static TimelineState SampleState() => SampleOrder.State();

    /// <summary>Renders the message the order in <paramref name="state"/> (the sample order when null) would get.</summary>
    /// <exception cref="MessageTemplateException">A template fails for this order.</exception>
    public static RenderedMessage Render(MessageComposer composer, Intent intent, Channel channel, string locale, TimelineState? state = null, MessageLinks? links = null)
    {
        ArgumentNullException.ThrowIfNull(composer);
        var order = state ?? SampleOrder.State();
        var sample = SampleOrder.Message(intent, channel, locale);
        var customer = order.Order.Customer;
        var parcel = order.Parcels.FirstOrDefault();
        var facts = new Dictionary<string, string>(sample.Facts!, StringComparer.Ordinal);
        if (state is not null)
        {
            // A real order shows its own parcel, not the sample's.
            facts.Remove("carrier");
            facts.Remove("trackingNumber");
            facts.Remove("location");
            facts["skus"] = string.Join(',', order.Order.Items.Select(i => i.Sku));
        }
        var message = sample with
        {
            Key = MessageKey.For(order.Order.OrderId, intent, channel),
            To = channel == Channel.Email ? customer.Email : customer.Phone,
            ParcelKey = sample.ParcelKey is null ? null : parcel?.Key,
            Facts = facts,
        };
        return composer.Compose(message, order, links ?? SampleOrder.Links);
    }
}
