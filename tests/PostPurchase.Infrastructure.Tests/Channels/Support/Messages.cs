using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Channels;
using PostPurchase.Testing;

namespace PostPurchase.Infrastructure.Tests.Channels.Support;

/// <summary>Outbound messages for channel tests.</summary>
internal static class Messages
{
    public static OutboundMessage Sms(string? orderId = null, string text = "Your parcel is out for delivery today.")
    {
        var order = orderId ?? Some.OrderId();
        return new OutboundMessage(
            MessageKey.For(order, Intent.OutForDelivery, Channel.Sms, "3SPP0000000001"), order, Intent.OutForDelivery, Channel.Sms,
            "+31612345678", "Anna de Vries", "nl", MessagePurpose.Transactional, new RenderedMessage(null, null, text));
    }

    public static OutboundMessage WhatsApp(string locale = "nl", bool windowOpen = false, string? orderId = null)
    {
        var order = orderId ?? Some.OrderId();
        return new OutboundMessage(
            MessageKey.For(order, Intent.Shipped, Channel.WhatsApp, "3SPP0000000002"), order, Intent.Shipped, Channel.WhatsApp,
            "+31612345678", "Anna de Vries", locale, MessagePurpose.Transactional,
            new RenderedMessage(null, null, "Je pakket is onderweg.", new Dictionary<string, string> { ["1"] = "Anna", ["2"] = order }),
            WhatsAppWindowOpen: windowOpen);
    }

    public static OutboundMessage Email(string subject = "Your order", string text = "Thank you for your order.", string locale = "en",
        MessagePurpose purpose = MessagePurpose.Transactional, string? unsubscribeUrl = null, string? orderId = null)
    {
        var order = orderId ?? Some.OrderId();
        var intent = purpose == MessagePurpose.Marketing ? Intent.ReviewRequest : Intent.OrderConfirmation;
        return new OutboundMessage(
            MessageKey.For(order, intent, Channel.Email), order, intent, Channel.Email,
            "anna@example.com", "Anna de Vries", locale, purpose,
            new RenderedMessage(subject, $"<html><body><p>{text}</p></body></html>", text),
            UnsubscribeUrl: unsubscribeUrl);
    }
}
