using System.Globalization;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Web.Pages.Tracking;

/// <summary>What a tracking-page action turns into: inputs for the timeline, a signal for the shop, the notice to show.</summary>
/// <param name="Notice">Key of the confirmation shown on the page ("cancelled", "return", "rated", "consent").</param>
public sealed record TrackingAction(IReadOnlyList<TimelineInput> Inputs, MerchantSignal? Signal, string Notice);

/// <summary>An action's result: the action, or the page text key of why it was refused.</summary>
public sealed record TrackingActionResult(TrackingAction? Action, string? ErrorKey)
{
    internal static TrackingActionResult Refused(string errorKey) => new(null, errorKey);
}

/// <summary>Checks each buyer action against the order's state (the same rules that show or hide its form) and maps it to timeline inputs.</summary>
public static class TrackingPageActions
{
    /// <summary>Cancel while nothing has shipped.</summary>
    public static TrackingActionResult Cancel(TimelineState state, TimelinePolicy policy, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (!TrackingPageState.Of(state, policy, now).CanCancel)
        {
            return TrackingActionResult.Refused("error.notAllowed");
        }
        var signal = new MerchantSignal(SignalKind.CancellationRequested, state.Order.OrderId, now, new Dictionary<string, string> { ["source"] = "customer" });
        return new(new TrackingAction([new OrderCancelled("customer", "Cancelled by the buyer on the tracking page.")], signal, "cancelled"), null);
    }

    /// <summary>Start a return or exchange of some of the order's items, within the return window.</summary>
    public static TrackingActionResult Return(TimelineState state, TimelinePolicy policy, DateTimeOffset now, IReadOnlyList<string> skus, string? reason, string? resolution)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(skus);
        if (!TrackingPageState.Of(state, policy, now).CanReturn)
        {
            return TrackingActionResult.Refused("error.notAllowed");
        }
        var known = state.Order.Items.Select(i => i.Sku).ToHashSet(StringComparer.Ordinal);
        var chosen = skus.Where(known.Contains).Distinct().ToList();
        if (chosen.Count == 0 || chosen.Count != skus.Distinct().Count())
        {
            return TrackingActionResult.Refused("error.noItems");
        }
        if (reason is null || !TrackingActionsRenderer.ReturnReasons.Contains(reason))
        {
            return TrackingActionResult.Refused("error.badReason");
        }
        if (resolution is not ("exchange" or "store-credit" or "refund"))
        {
            return TrackingActionResult.Refused("error.badResolution");
        }
        var signal = new MerchantSignal(SignalKind.ReturnRequested, state.Order.OrderId, now, new Dictionary<string, string>
        {
            ["skus"] = string.Join(',', chosen),
            ["reason"] = reason,
            ["resolution"] = resolution,
        });
        return new(new TrackingAction([new ReturnRequested(chosen, reason, resolution)], signal, "return"), null);
    }

    /// <summary>Rate the order 1-5 once it was delivered; a low score also tells the shop to follow up.</summary>
    public static TrackingActionResult Rate(TimelineState state, TimelinePolicy policy, DateTimeOffset now, string? score, string? comment)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(policy);
        if (!TrackingPageState.Of(state, policy, now).CanRate)
        {
            return TrackingActionResult.Refused("error.notAllowed");
        }
        if (!int.TryParse(score, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value is < 1 or > 5)
        {
            return TrackingActionResult.Refused("error.badScore");
        }
        var text = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim()[..Math.Min(comment.Trim().Length, 1000)];
        MerchantSignal? signal = null;
        if (value <= policy.Csat.LowScoreAtMost)
        {
            var data = new Dictionary<string, string>
            {
                ["score"] = value.ToString(CultureInfo.InvariantCulture),
                ["email"] = state.Order.Customer.Email,
                ["name"] = $"{state.Order.Customer.FirstName} {state.Order.Customer.LastName}",
            };
            if (text is not null)
            {
                data["comment"] = text;
            }
            signal = new MerchantSignal(SignalKind.SupportFollowUp, state.Order.OrderId, now, data);
        }
        return new(new TrackingAction([new CsatAnswered(value, text)], signal, "rated"), null);
    }

    /// <summary>Set SMS and WhatsApp consent; only channels whose value changes become inputs (each one is a recorded proof).</summary>
    public static TrackingActionResult Consent(TimelineState state, bool sms, bool whatsApp, string wordingVersion)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Order.Customer.Phone is null || state.Status == OrderStatus.Cancelled)
        {
            return TrackingActionResult.Refused("error.notAllowed");
        }
        var inputs = new List<TimelineInput>();
        var consent = state.Consent;
        if (sms != (consent.Sms && !consent.SmsOptedOut))
        {
            inputs.Add(new ConsentChanged("sms", sms, "tracking-page", wordingVersion));
        }
        if (whatsApp != (consent.WhatsApp && !consent.WhatsAppOptedOut))
        {
            inputs.Add(new ConsentChanged("whatsapp", whatsApp, "tracking-page", wordingVersion));
        }
        return new(new TrackingAction(inputs, null, "consent"), null);
    }
}
