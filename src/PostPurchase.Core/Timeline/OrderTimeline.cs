using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;

namespace PostPurchase.Core.Timeline;

/// <summary>The pure decider: every business rule of the post-purchase timeline.</summary>
/// <remarks>
/// Deterministic: no clock, configuration, storage or network. Runtimes pass <c>now</c> and the policy.
/// Everything due at or before <c>now</c> is handled in the same call, so <see cref="Decision.WakeAt"/> is
/// always later than <c>now</c> (or null). Applying an input twice changes nothing the second time.
/// Inputs that cannot belong to the order (unknown SKU, unknown message key, score out of range, an
/// unknown time zone) throw <see cref="ArgumentException"/> naming the problem; the state is then unchanged.
/// </remarks>
public static class OrderTimeline
{
    /// <summary>Applies one input to the state and says what to send, when to wake and whether the timeline ended.</summary>
    /// <param name="state">The current state; null only for the first input, which must be <see cref="OrderPlaced"/>.</param>
    public static Decision Decide(TimelineState? state, TimelineInput input, DateTimeOffset now, TimelinePolicy policy)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(policy);
        if (state is null)
        {
            return input is OrderPlaced placed
                ? Start(placed, now, policy)
                : throw new ArgumentException($"A timeline starts with order-placed, not {input.GetType().Name}.", nameof(input));
        }
        var ctx = new DecisionContext(state, now, policy);
        if (state.Completed)
        {
            // Nothing is sent any more, but facts that arrive late are still recorded.
            var recorded = input switch
            {
                MessageStatusChanged m => StatusRules.Apply(ctx, m),
                ConsentChanged c => CustomerRules.ChangeConsent(ctx, c),
                CustomerReplied r => ReplyRules.Apply(ctx, r),
                TrackingUpdated t when !TrackingRules.IsDuplicate(state, t.Event) => Record(ctx, t),
                MessageResendRequested r => ResendRules.Apply(ctx, r),
                MessageSendDeferred d => SendDeferralRules.Apply(ctx, d),
                BuyerOrdered b => GrowthRules.RecordReorder(ctx, b),
                LinkClicked l => GrowthRules.RecordClick(ctx, l),
                _ => false,
            };
            if (recorded && input is MessageResendRequested or MessageSendDeferred)
            {
                // A text deferred by quiet hours reopens the timeline until it goes out.
                Settlement.Finish(ctx);
            }
            return recorded ? Bump(ctx).ToDecision() : ctx.ToDecision();
        }
        var changed = input switch
        {
            OrderPlaced p => SameOrder(state, p),
            ShipmentRegistered s => Register(ctx, s.Shipment),
            TrackingUpdated t => Track(ctx, t),
            WakeUp => true,
            OrderCancelled c => CustomerRules.Cancel(ctx, c),
            ReturnRequested r => CustomerRules.RequestReturn(ctx, r),
            OrderRefunded r => CustomerRules.Refund(ctx, r),
            CsatAnswered a => CustomerRules.AnswerCsat(ctx, a),
            ConsentChanged c => CustomerRules.ChangeConsent(ctx, c),
            MessageStatusChanged m => StatusRules.Apply(ctx, m),
            MessageResendRequested r => ResendRules.Apply(ctx, r),
            MessageSendDeferred d => SendDeferralRules.Apply(ctx, d),
            ReviewLinkUsed => CustomerRules.UseReviewLink(ctx),
            CustomerReplied r => ReplyRules.Apply(ctx, r),
            OrderUpdated u => OrderUpdateRules.Apply(ctx, u),
            BuyerOrdered b => GrowthRules.RecordReorder(ctx, b),
            LinkClicked l => GrowthRules.RecordClick(ctx, l),
            _ => throw new ArgumentException($"Unsupported timeline input {input.GetType().Name}.", nameof(input)),
        };
        if (changed)
        {
            Bump(ctx);
        }
        Settlement.Run(ctx);
        return ctx.ToDecision();
    }

    /// <summary>The state with the buyer's cross-order activity as the runtime just read it (see <see cref="MarketingLedger"/>); unchanged without a buyer.</summary>
    public static TimelineState WithBuyerActivity(TimelineState state, BuyerActivity activity)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(activity);
        return state.Buyer is null ? state : state with { Buyer = state.Buyer with { Activity = activity } };
    }

    private static Decision Start(OrderPlaced placed, DateTimeOffset now, TimelinePolicy policy)
    {
        var order = placed.Order;
        ArgumentNullException.ThrowIfNull(order);
        ArgumentException.ThrowIfNullOrWhiteSpace(order.OrderId);
        LocalTimes.Zone(order.Customer.TimeZone);
        var grant = order.Customer.Consent ?? ConsentGrant.None;
        var at = grant.GrantedAt ?? order.PlacedAt;
        var history = new List<ConsentRecord>();
        foreach (var (subject, granted) in new[] { (ConsentSubjects.Sms, grant.Sms), (ConsentSubjects.WhatsApp, grant.WhatsApp), (ConsentSubjects.Marketing, grant.Marketing) })
        {
            if (granted)
            {
                history.Add(new ConsentRecord(subject, true, grant.Source, at, grant.WordingVersion));
            }
        }
        var state = new TimelineState
        {
            Order = order,
            Consent = new ConsentState(grant.Sms, grant.WhatsApp, grant.Marketing, false, false, history),
            Buyer = placed.Buyer,
            Version = 1,
        };
        var ctx = new DecisionContext(state, now, policy);
        foreach (var shipment in order.Shipments ?? [])
        {
            TrackingRules.Register(ctx, shipment);
        }
        MessagePlanner.Plan(ctx, Intent.OrderConfirmation, now);
        Settlement.Run(ctx);
        return ctx.ToDecision();
    }

    private static bool SameOrder(TimelineState state, OrderPlaced placed) =>
        placed.Order.OrderId == state.Order.OrderId
            ? false
            : throw new ArgumentException($"This timeline is order '{state.Order.OrderId}', not '{placed.Order.OrderId}'.", nameof(placed));

    private static bool Register(DecisionContext ctx, ShipmentRef shipment)
    {
        ArgumentNullException.ThrowIfNull(shipment);
        var before = ctx.State.Parcels;
        TrackingRules.Register(ctx, shipment);
        return !ReferenceEquals(before, ctx.State.Parcels) && !before.SequenceEqual(ctx.State.Parcels);
    }

    private static bool Track(DecisionContext ctx, TrackingUpdated input)
    {
        ArgumentNullException.ThrowIfNull(input.Event);
        if (TrackingRules.IsDuplicate(ctx.State, input.Event))
        {
            return false;
        }
        TrackingRules.Apply(ctx, input.Event);
        return true;
    }

    private static bool Record(DecisionContext ctx, TrackingUpdated input)
    {
        ctx.State = ctx.State with { Events = [.. ctx.State.Events, input.Event] };
        return true;
    }

    private static DecisionContext Bump(DecisionContext ctx)
    {
        ctx.State = ctx.State with { Version = ctx.State.Version + 1 };
        return ctx;
    }
}
