using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Timeline.Properties;

/// <summary>One applied input and what came of it.</summary>
internal sealed record Step(DateTimeOffset Now, TimelineInput Input, TimelineState Before, Decision Decision, BuyerModel Model);

/// <summary>What the buyer did, tracked independently of the decider's own state.</summary>
internal sealed record BuyerModel(bool Sms, bool WhatsApp, bool Marketing, bool Closed, bool LowCsat, bool Answered);

/// <summary>Plays a <see cref="TimelineScenario"/> the way a runtime does: wake-ups at their time, inputs in between.</summary>
internal static class ScenarioRunner
{
    public static readonly (string Zone, string Country)[] Zones =
        [("Europe/Amsterdam", "NL"), ("Europe/Paris", "FR"), ("Pacific/Auckland", "NZ"), ("America/New_York", "US"), ("Asia/Tokyo", "JP")];

    private static readonly (string Sku, string Category)[] Catalogue = [("SERUM-30", "skincare"), ("TEE-M", "apparel"), ("HP-200", "electronics")];
    private static readonly TrackingStatus[] Statuses = Enum.GetValues<TrackingStatus>();
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    public static TimelinePolicy PolicyFor(ScenarioSetup s) => TimelinePolicy.Default with
    {
        FatigueCapPerDay = s.Cap,
        Review = new ReviewPolicy { ReminderAfterDays = s.Reminder ? 3 : null },
        TextIntents = s.TextReviews ? [.. TimelinePolicy.Default.TextIntents, Intent.ReviewRequest, Intent.CsatSurvey, Intent.ReviewReminder] : TimelinePolicy.Default.TextIntents,
    };

    public static Order OrderFor(ScenarioSetup s)
    {
        var (zone, country) = Zones[s.Zone];
        var customer = new Customer("Sam", "Doe", "sam@example.com", s.HasPhone ? "+31612345678" : null, "en", zone,
            new ConsentGrant(s.Sms, s.WhatsApp, s.Marketing, "checkout", "v1"));
        var builder = new OrderBuilder().WithId("PROP-1").PlacedAt(Epoch.AddHours(s.StartHours)).For(customer).ShipTo(Some.Address(country));
        for (var i = 0; i < Catalogue.Length; i++)
        {
            if ((s.Items & (1 << i)) != 0)
            {
                builder = builder.WithItem(Catalogue[i].Sku, Catalogue[i].Sku, Catalogue[i].Category, 1, 10m);
            }
        }
        for (var p = 0; p < s.Parcels; p++)
        {
            builder = builder.WithShipment("postnl", $"3SPARCEL{p}");
        }
        return builder.Build();
    }

    public static List<Step> Run(TimelineScenario scenario, bool roundTrip = false)
    {
        var policy = PolicyFor(scenario.Setup);
        var order = OrderFor(scenario.Setup);
        var s = scenario.Setup;
        var model = new BuyerModel(s.Sms, s.WhatsApp, s.Marketing, false, false, false);
        var steps = new List<Step>();
        var now = order.PlacedAt;
        var first = OrderTimeline.Decide(null, new OrderPlaced(order), now, policy);
        steps.Add(new Step(now, new OrderPlaced(order), first.State, first, model));
        var state = roundTrip ? RoundTrip(first.State) : first.State;
        TimelineInput? previous = null;
        foreach (var step in scenario.Steps)
        {
            now = now.AddMinutes(step.AdvanceMinutes);
            for (var guard = 0; state.NextWakeAt is { } wake && wake <= now; guard++)
            {
                Assert.True(guard < 1000, "the timeline keeps asking to wake without progressing");
                var woken = OrderTimeline.Decide(state, new WakeUp(), wake, policy);
                steps.Add(new Step(wake, new WakeUp(), state, woken, model));
                state = roundTrip ? RoundTrip(woken.State) : woken.State;
            }
            var input = step.Kind == 24 && previous is not null ? previous : InputFor(step, state, order);
            model = Track(model, input, policy);
            var decision = OrderTimeline.Decide(state, input, now, policy);
            steps.Add(new Step(now, input, state, decision, model));
            state = roundTrip ? RoundTrip(decision.State) : decision.State;
            previous = roundTrip ? RoundTrip(input) : input;
        }
        return steps;
    }

    /// <summary>Stores and loads the way both runtimes do (JSON with the core options).</summary>
    private static T RoundTrip<T>(T value) =>
        System.Text.Json.JsonSerializer.Deserialize<T>(System.Text.Json.JsonSerializer.Serialize(value, Serialization.CoreJson.Options), Serialization.CoreJson.Options)!;

    private static BuyerModel Track(BuyerModel m, TimelineInput input, TimelinePolicy policy) => input switch
    {
        ConsentChanged { Subject: "sms" } c => m with { Sms = c.Granted },
        ConsentChanged { Subject: "whatsapp" } c => m with { WhatsApp = c.Granted },
        ConsentChanged { Subject: "marketing" } c => m with { Marketing = c.Granted },
        OrderCancelled or ReturnRequested or OrderRefunded => m with { Closed = true },
        CsatAnswered a when !m.Answered => m with { Answered = true, LowCsat = a.Score <= policy.Csat.LowScoreAtMost },
        _ => m,
    };

    private static TimelineInput InputFor(ScenarioStep step, TimelineState state, Order order)
    {
        var (a, b, c) = (step.A, step.B, step.C);
        switch (step.Kind)
        {
            case <= 9:
                var parcel = state.Parcels.Count == 0 ? "3SLOOSE" : state.Parcels[a % state.Parcels.Count].TrackingNumber;
                var status = Statuses[b % Statuses.Length];
                var occurred = state.Events.Count == 0 ? order.PlacedAt.AddHours(1 + (c % 30)) : state.Events[^1].OccurredAt.AddHours((c % 60) - 20);
                DateTimeOffset? estimate = c % 3 == 0 ? order.Promise.DeliverBy.AddHours((b % 96) - 24) : null;
                return new TrackingUpdated(new TrackingEvent("aftership", $"e{step.AdvanceMinutes}-{a}-{b}-{c}", "postnl", parcel, status, status.ToString(), occurred, CarrierEstimate: estimate));
            case <= 12:
                return new WakeUp();
            case 13:
                return new OrderCancelled(a % 2 == 0 ? "customer" : "merchant", b % 2 == 0 ? "changed mind" : null);
            case 14:
                return new ReturnRequested([order.Items[a % order.Items.Count].Sku], "does not fit", (b % 3) switch { 0 => "refund", 1 => "exchange", _ => "store-credit" });
            case 15:
                return new OrderRefunded(a % 2 == 0);
            case 16 or 17:
                return new CsatAnswered(1 + (a % 5), b % 2 == 0 ? "ok" : null);
            case 18 or 19:
                return new ConsentChanged((a % 3) switch { 0 => "sms", 1 => "whatsapp", _ => "marketing" }, b % 2 == 0, c % 2 == 0 ? "sms-keyword" : "tracking-page", "v2");
            case 20:
                return new ReviewLinkUsed();
            case 25 or 26:
                // Few distinct ids, so that a provider's redelivery of the same inbound message is common.
                return new CustomerReplied(a % 2 == 0 ? "sms" : "whatsapp", b % 3 == 0 ? "" : $"reply {b}", c % 4 == 0 ? null : $"SMIN{c % 7}");
            case 21 or 22 when c % 5 == 0:
                // Request ids repeat now and then: a repeated request must not send twice.
                return new MessageResendRequested(state.Messages[a % state.Messages.Count].Key, "dashboard") { RequestId = $"r{b % 7}" };
            case 21 or 22:
                var key = state.Messages[a % state.Messages.Count].Key;
                return new MessageStatusChanged(key, (b % 4) switch { 0 => MessageStatus.Sent, 1 => MessageStatus.Delivered, 2 => MessageStatus.Suppressed, _ => MessageStatus.Failed }, $"SM{c}");
            default:
                return new ShipmentRegistered(new ShipmentRef("dhl", $"JVGL{a % 3}"));
        }
    }
}
