using System.Text.Json.Serialization;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Core.Timeline;

/// <summary>Something that happened to an order; the only way a timeline moves.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OrderPlaced), "order-placed")]
[JsonDerivedType(typeof(ShipmentRegistered), "shipment-registered")]
[JsonDerivedType(typeof(TrackingUpdated), "tracking-updated")]
[JsonDerivedType(typeof(WakeUp), "wake-up")]
[JsonDerivedType(typeof(OrderCancelled), "order-cancelled")]
[JsonDerivedType(typeof(ReturnRequested), "return-requested")]
[JsonDerivedType(typeof(OrderRefunded), "order-refunded")]
[JsonDerivedType(typeof(CsatAnswered), "csat-answered")]
[JsonDerivedType(typeof(ConsentChanged), "consent-changed")]
[JsonDerivedType(typeof(MessageStatusChanged), "message-status-changed")]
[JsonDerivedType(typeof(MessageResendRequested), "message-resend-requested")]
[JsonDerivedType(typeof(MessageSendDeferred), "message-send-deferred")]
[JsonDerivedType(typeof(ReviewLinkUsed), "review-link-used")]
[JsonDerivedType(typeof(CustomerReplied), "customer-replied")]
[JsonDerivedType(typeof(OrderUpdated), "order-updated")]
[JsonDerivedType(typeof(BuyerOrdered), "buyer-ordered")]
[JsonDerivedType(typeof(LinkClicked), "link-clicked")]
public abstract record TimelineInput;

/// <summary>The shop placed the order (the first input of every timeline).</summary>
/// <param name="Buyer">The buyer across orders, looked up by the runtime at intake; null when it keeps no buyer profiles.</param>
public sealed record OrderPlaced(Order Order, BuyerFacts? Buyer = null) : TimelineInput;

/// <summary>The shop registered a parcel's tracking number.</summary>
public sealed record ShipmentRegistered(ShipmentRef Shipment) : TimelineInput;

/// <summary>A carrier event for one of the order's parcels.</summary>
public sealed record TrackingUpdated(TrackingEvent Event) : TimelineInput;

/// <summary>The time the decider asked for has come.</summary>
public sealed record WakeUp : TimelineInput;

/// <summary>The order was cancelled, by the merchant or by the buyer from the tracking page.</summary>
/// <param name="Source">"merchant", "customer" or "shop" (cancelled in the shop's own admin, so nothing goes back to it).</param>
public sealed record OrderCancelled(string Source, string? Reason = null) : TimelineInput;

/// <summary>The buyer started a return or exchange.</summary>
/// <param name="Resolution">"refund", "exchange" or "store-credit".</param>
public sealed record ReturnRequested(IReadOnlyList<string> Skus, string Reason, string Resolution) : TimelineInput;

/// <summary>The merchant refunded the order, or marked it returned.</summary>
/// <param name="Returned">True when goods came back; false for a refund without return.</param>
/// <param name="Partial">True when only part of the order was refunded: recorded, the order goes on.</param>
/// <param name="Amount">The amount refunded in the order's currency, when known.</param>
/// <param name="RefundId">The shop's id of the refund; the same id again records nothing new.</param>
public sealed record OrderRefunded(bool Returned, string? Reason = null, bool Partial = false, decimal? Amount = null, string? RefundId = null) : TimelineInput;

/// <summary>The buyer answered the satisfaction survey.</summary>
public sealed record CsatAnswered(int Score, string? Comment = null) : TimelineInput;

/// <summary>The buyer opted in or out of a channel (or of marketing texts).</summary>
/// <param name="Subject">"sms", "whatsapp" or "marketing".</param>
/// <param name="Source">tracking-page, sms-keyword (STOP/START), merchant, provider (e.g. Twilio 21610).</param>
public sealed record ConsentChanged(string Subject, bool Granted, string Source, string? WordingVersion = null) : TimelineInput;

/// <summary>A provider reported on a message we sent, or the runtime held it back at the last moment before sending.</summary>
/// <param name="Reason">Why a <c>suppressed</c> message was held back (consent lost before it was handed over); opted-out when absent.</param>
/// <param name="Opened">The provider saw the buyer open it (e.g. a WhatsApp read receipt).</param>
public sealed record MessageStatusChanged(
    string MessageKey, MessageStatus Status, string? ProviderMessageId = null, string? Error = null, SuppressionReason? Reason = null, bool Opened = false) : TimelineInput;

/// <summary>The runtime held a pending message back at the last moment before sending, until <paramref name="Until"/> (the end of the buyer's quiet hours).</summary>
/// <remarks>The message is scheduled again for that time, so the decider lets it out then with every rule (consent, caps) looked at afresh.</remarks>
public sealed record MessageSendDeferred(string MessageKey, DateTimeOffset Until) : TimelineInput;

/// <summary>The merchant asked to send a message again (e.g. the buyer says it never arrived, or the send failed).</summary>
/// <param name="MessageKey">Key of the message to copy; a resend's key resends the message it copied.</param>
/// <param name="Requester">Who asked, e.g. "dashboard" or the merchant user; kept as a fact of the new message.</param>
public sealed record MessageResendRequested(string MessageKey, string Requester) : TimelineInput
{
    /// <summary>Unique per request (e.g. per form submission); the same id again creates no second resend.</summary>
    public required string RequestId { get; init; }
}

/// <summary>The buyer opened the review link (no reminder needed).</summary>
public sealed record ReviewLinkUsed : TimelineInput;

/// <summary>The buyer wrote to the shop (an SMS or WhatsApp text that is not a keyword); kept on the order, at the decision's time.</summary>
/// <param name="Channel">The channel's wire name: "sms" or "whatsapp" (a WhatsApp reply opens the 24-hour window).</param>
/// <param name="Text">What the buyer wrote, at most <see cref="MaxTextLength"/> characters; empty for a picture without words.</param>
/// <param name="ProviderMessageId">The provider's id of the inbound message (Twilio MessageSid); a second delivery with the same id changes nothing.</param>
public sealed record CustomerReplied(string Channel, string Text, string? ProviderMessageId = null) : TimelineInput
{
    /// <summary>The longest text kept (WhatsApp's own limit; an SMS is at most 1600).</summary>
    public const int MaxTextLength = 4096;
}

/// <summary>The shop changed the order after placement (an edit, a new address or contact): the facts pages and messages show from now on.</summary>
/// <param name="Order">The order as the shop now has it; its id must be this timeline's. Consent, promise and parcels stay as they are.</param>
public sealed record OrderUpdated(Order Order) : TimelineInput;

/// <summary>The same buyer placed another order; sent by the runtime to the buyer's earlier timelines.</summary>
/// <param name="Skus">What the new order holds (a replenishment reminder for one of them is no longer needed).</param>
/// <param name="AttributedTo">The measured link the new order is credited to: the buyer's last click within the attribution window, on any order.</param>
public sealed record BuyerOrdered(string OrderId, DateTimeOffset PlacedAt, IReadOnlyList<string> Skus, decimal Total, string Currency, Attribution? AttributedTo = null) : TimelineInput;

/// <summary>The buyer followed a measured link (<c>/l/{token}</c>) of this order; recorded before the redirect.</summary>
/// <param name="MessageKey">The message that carried it; null for a link on the tracking page.</param>
/// <param name="Link">Which link: "cta", "reorder", "rec:{sku}", ...</param>
public sealed record LinkClicked(string? MessageKey, string Link) : TimelineInput;
