using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Tests.Timeline.Properties;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Core.Tests.Growth.Properties;

/// <summary>A message handed out to send, with the buyer's marketing consent at that moment as the test itself tracks it.</summary>
internal sealed record BuyerRelease(DateTimeOffset Now, TimelineMessage Message, bool MarketingConsent);

/// <summary>
/// Plays a <see cref="BuyerScenario"/> the way a runtime does across one buyer's orders: wake-ups in time order over all orders,
/// the buyer ledger kept beside them, and a decision that releases marketing first reserving it and then deciding again with the
/// fresh activity; consent changes and checkout grants go to the ledger too, as intake and the unsubscribe link do.
/// </summary>
internal sealed class BuyerRunner
{
    private static readonly DateTimeOffset Epoch = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly BuyerSetup _setup;
    private readonly List<TimelineState> _orders = [];
    private readonly List<Attribution> _clicks = [];
    private BuyerActivity _ledger = new();
    private bool _consent;
    private int _events;

    private BuyerRunner(BuyerSetup setup)
    {
        _setup = setup;
        Policy = PolicyFor(setup);
    }

    public TimelinePolicy Policy { get; }

    public List<BuyerRelease> Released { get; } = [];

    public IReadOnlyList<TimelineState> Orders => _orders;

    public static BuyerRunner Run(BuyerScenario scenario)
    {
        var runner = new BuyerRunner(scenario.Setup);
        var now = Epoch;
        runner.Place(now);
        foreach (var step in scenario.Steps)
        {
            now = now.AddMinutes(step.AdvanceMinutes);
            runner.WakeUntil(now);
            runner.Step(step, now);
        }
        runner.WakeUntil(now.AddDays(400));
        return runner;
    }

    private static TimelinePolicy PolicyFor(BuyerSetup s) => TimelinePolicy.Default with
    {
        Review = new ReviewPolicy { ReminderAfterDays = 3 },
        TextIntents = s.TextPromotions
            ? [.. TimelinePolicy.Default.TextIntents, Intent.ReplenishmentReminder, Intent.WinBack, Intent.ReferralInvite, Intent.ReviewRequest]
            : TimelinePolicy.Default.TextIntents,
        Growth = new GrowthPolicy
        {
            WeeklyMarketingCap = s.Cap,
            Replenishment = new ReplenishmentPolicy { SkuDays = new(StringComparer.OrdinalIgnoreCase) { ["SERUM-30"] = s.UsageDays } },
            WinBack = new WinBackPolicy { CategoryDays = new(StringComparer.OrdinalIgnoreCase) { ["skincare"] = s.WinBackDays }, OncePerDays = 60 },
            Referral = new ReferralPolicy { Enabled = s.Referral, CodePrefix = "FRIEND-" },
            Experiments = s.Holdout
                ? [new Experiment { Id = "reminder-holdout", Intent = Intent.ReplenishmentReminder, Arms = [new() { Name = "send" }, new() { Name = "holdout", Holdout = true }] }]
                : [],
        },
    };

    private void Step(BuyerStep step, DateTimeOffset now)
    {
        var i = step.Order % _orders.Count;
        var order = _orders[i].Order;
        switch (step.Kind)
        {
            case <= 1:
                Scan(i, TrackingStatus.InTransit, now);
                break;
            case <= 3:
                Scan(i, TrackingStatus.Delivered, now);
                break;
            case 4:
                Apply(i, new CsatAnswered(1 + (step.A % 5)), now);
                break;
            case 5:
                var granted = step.B % 2 == 0;
                Apply(i, new ConsentChanged("marketing", granted, "tracking-page", "v2"), now);
                _ledger = _ledger with { MarketingConsent = new ConsentRecord("marketing", granted, "unsubscribe-link", now, "v2") };
                _consent = granted;
                break;
            case 6:
                Apply(i, new ReviewLinkUsed(), now);
                break;
            case 7 when _orders[i].Messages.Where(MessagePlanner.IsReleased).ToList() is { Count: > 0 } sent:
                var key = sent[step.A % sent.Count].Key;
                Apply(i, new LinkClicked(key, "cta"), now);
                _clicks.Add(new Attribution(order.OrderId, key, "cta", now));
                break;
            case 8 when _orders.Count < 3:
                Place(now);
                break;
            case 9:
                Apply(i, new ConsentChanged("sms", step.A % 2 == 0, "sms-keyword"), now);
                break;
            case 10:
                Apply(i, new ReturnRequested([order.Items[step.A % order.Items.Count].Sku], "changed mind", "refund"), now);
                break;
            default:
                Apply(i, new WakeUp(), now);
                break;
        }
    }

    private void Place(DateTimeOffset now)
    {
        var k = _orders.Count;
        var checkout = (_setup.Checkout & (1 << k)) != 0;
        var (zone, country) = ScenarioRunner.Zones[_setup.Zone];
        var customer = new Customer("Sam", "Doe", "sam@example.com", "+31612345678", "en", zone, new ConsentGrant(true, true, checkout, "checkout", "v1"));
        var order = new OrderBuilder().WithId($"BUY-{k}").PlacedAt(now).For(customer).ShipTo(Some.Address(country))
            .WithItem("SERUM-30", "Serum", "skincare", 1, 30m).WithItem(k % 2 == 0 ? "TEE-M" : "MASK-50", "Other", "apparel", 1, 20m)
            .WithShipment("postnl", $"3SBUY{k}").Build();
        if (checkout)
        {
            _ledger = _ledger with { MarketingConsent = new ConsentRecord("marketing", true, "checkout", now, "v1") };
            _consent = true;
        }
        var buyer = new BuyerFacts("buyer", k + 1, Epoch, k == 0 ? null : _orders[^1].Order.PlacedAt, [], "FRIEND-SAMD0E") { Activity = _ledger };
        _orders.Add(null!);
        Apply(k, new OrderPlaced(order, buyer), now);
        var window = TimeSpan.FromDays(Policy.Growth.AttributionWindowDays);
        var attribution = _clicks.LastOrDefault(c => c.ClickedAt > now - window);
        for (var j = 0; j < k; j++)
        {
            Apply(j, new BuyerOrdered(order.OrderId, now, [.. order.Items.Select(x => x.Sku)], order.Totals.Total, order.Currency, attribution), now);
        }
    }

    private void Scan(int i, TrackingStatus status, DateTimeOffset now)
    {
        var parcel = _orders[i].Parcels[0].TrackingNumber;
        Apply(i, new TrackingUpdated(new TrackingEvent("aftership", $"e{++_events}", "postnl", parcel, status, status.ToString(), now.AddMinutes(-1))), now);
    }

    private void WakeUntil(DateTimeOffset until)
    {
        for (var guard = 0; ; guard++)
        {
            Assert.True(guard < 5000, "the timelines keep asking to wake without progressing");
            var due = _orders.Select((s, i) => (s.NextWakeAt, i)).Where(x => x.NextWakeAt is { } w && w <= until).OrderBy(x => x.NextWakeAt).FirstOrDefault();
            if (due.NextWakeAt is not { } wake)
            {
                return;
            }
            Apply(due.i, new WakeUp(), wake);
        }
    }

    private void Apply(int i, TimelineInput input, DateTimeOffset now)
    {
        var state = _orders[i];
        var decision = OrderTimeline.Decide(state, input, now, Policy);
        if (state?.Buyer is not null && MarketingLedger.Wanted(decision, now) is { Count: > 0 } wanted)
        {
            _ledger = MarketingLedger.Reserve(_ledger, wanted, now, Policy.Growth);
            decision = OrderTimeline.Decide(OrderTimeline.WithBuyerActivity(state, _ledger), input, now, Policy);
        }
        _orders[i] = decision.State;
        Released.AddRange(decision.Messages.Where(m => m.Status == MessageStatus.Pending).Select(m => new BuyerRelease(now, m, _consent)));
    }
}
