using System.Text.Json;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing;
using static PostPurchase.Core.Tests.Growth.GrowthSetup;

namespace PostPurchase.Core.Tests.Growth;

public class ExperimentRulesTests
{
    private static Experiment ReviewTiming(bool holdout = false) => new()
    {
        Id = "review-delay",
        Intent = Intent.ReviewRequest,
        Arms =
        [
            new ExperimentArm { Name = "14-days", DelayDays = 14 },
            holdout ? new ExperimentArm { Name = "holdout", Holdout = true } : new ExperimentArm { Name = "21-days", DelayDays = 21 },
        ],
    };

    private static Core.Policies.TimelinePolicy With(Experiment test) =>
        Policy(g => g with { Replenishment = new ReplenishmentPolicy(), Experiments = [test] }, feedback: true) with { Csat = new Core.Policies.CsatPolicy { Enabled = false } };

    /// <summary>An order id that lands in <paramref name="arm"/> of <paramref name="test"/>.</summary>
    private static string OrderIn(Experiment test, string arm) =>
        Enumerable.Range(1, 1000).Select(i => $"AB-{i}").First(id => ArmAssignment.Pick(test, id).Name == arm);

    [Fact]
    public void Pick_SameOrder_AlwaysTheSameArmAndWeightsRespected()
    {
        var test = ReviewTiming() with { Arms = [new ExperimentArm { Name = "a", Weight = 3 }, new ExperimentArm { Name = "b", Weight = 1 }] };
        var ids = Enumerable.Range(0, 4000).Select(i => $"ORD-{i}").ToList();

        var first = ids.Select(id => ArmAssignment.Pick(test, id).Name).ToList();
        var again = ids.Select(id => ArmAssignment.Pick(test, id).Name).ToList();

        Assert.Equal(first, again);
        var shareA = first.Count(a => a == "a") / (double)ids.Count;
        Assert.InRange(shareA, 0.72, 0.78);
    }

    [Fact]
    public void Pick_AnotherTestId_ShufflesIndependently()
    {
        var ids = Enumerable.Range(0, 2000).Select(i => $"ORD-{i}").ToList();
        var one = ids.Select(id => ArmAssignment.Pick(ReviewTiming(), id).Name).ToList();
        var other = ids.Select(id => ArmAssignment.Pick(ReviewTiming() with { Id = "review-delay-2" }, id).Name).ToList();

        var same = one.Zip(other).Count(p => p.First == p.Second) / (double)ids.Count;
        Assert.InRange(same, 0.45, 0.55);
    }

    [Fact]
    public void Decide_TimingArm_SendsTheReviewOnTheArmsDay()
    {
        var test = ReviewTiming();
        var timeline = Delivered(With(test), Serum(orderId: OrderIn(test, "21-days")));

        timeline.RunToEnd();

        var review = timeline.Single(Intent.ReviewRequest);
        Assert.Equal(new DateTimeOffset(2026, 3, 25, 10, 0, 0, Cet), timeline.SentAt[review.Key]);
        Assert.Equal(("review-delay", "21-days"), (review.Facts!["experiment"], review.Facts["arm"]));
        Assert.Equal(new ExperimentAssignment("review-delay", "21-days"), Assert.Single(timeline.State.Experiments));
    }

    [Fact]
    public void Decide_ReplayedFromTheStart_KeepsTheArmAndTheMessages()
    {
        var test = ReviewTiming();
        var order = Serum(orderId: OrderIn(test, "14-days"));

        var first = Delivered(With(test), order).RunToEnd();
        var replay = Delivered(With(test), order).RunToEnd();

        Assert.Equal(first.State.Experiments, replay.State.Experiments);
        Assert.Equal(first.Sent.Select(m => (m.Key, first.SentAt[m.Key])), replay.Sent.Select(m => (m.Key, replay.SentAt[m.Key])));
    }

    [Fact]
    public void Decide_WeightsChangedAfterAssignment_KeepsTheAssignedArm()
    {
        var test = ReviewTiming();
        var orderId = OrderIn(test, "14-days");
        var timeline = Delivered(With(test), Serum(orderId: orderId));
        var stored = JsonSerializer.Deserialize<TimelineState>(JsonSerializer.Serialize(timeline.State, CoreJson.Options), CoreJson.Options)!;
        var reweighted = test with { Arms = [test.Arms[0] with { Weight = 0 }, test.Arms[1] with { Weight = 5 }] };

        var woken = OrderTimeline.Decide(stored, new WakeUp(), stored.NextWakeAt!.Value, With(reweighted));

        Assert.Equal("14-days", Assert.Single(woken.State.Experiments).Arm);
    }

    [Fact]
    public void Decide_HoldoutArm_SendsNothingOfTheTestedMessage()
    {
        var test = ReviewTiming(holdout: true);
        var timeline = Delivered(With(test), Serum(orderId: OrderIn(test, "holdout")));

        timeline.RunToEnd();

        Assert.Empty(timeline.SentOf(Intent.ReviewRequest));
        var held = Assert.Single(timeline.Suppressed, m => m.Intent == Intent.ReviewRequest);
        Assert.Equal(SuppressionReason.Holdout, held.Reason);
        Assert.Equal("holdout", held.Facts!["arm"]);
        Assert.Contains(timeline.Sent, m => m.Intent == Intent.Delivered);
    }

    [Fact]
    public void Decide_HoldoutArmWithoutConsent_RecordsNoConsentNotHoldout()
    {
        var test = ReviewTiming(holdout: true) with { Intent = Intent.ReplenishmentReminder };
        var policy = Policy(g => g with { Experiments = [test] });
        var timeline = Delivered(policy, Serum(consent: Some.Customer().Consent, orderId: OrderIn(test, "holdout")));

        timeline.RunToEnd();

        Assert.Equal(SuppressionReason.NoConsent, Assert.Single(timeline.Suppressed, m => m.Intent == Intent.ReplenishmentReminder).Reason);
    }

    [Fact]
    public void Decide_PausedTest_AssignsNoNewOrders()
    {
        var test = ReviewTiming() with { Enabled = false };
        var timeline = Delivered(With(test));

        timeline.RunToEnd();

        Assert.Empty(timeline.State.Experiments);
        Assert.False(timeline.Single(Intent.ReviewRequest).Facts!.ContainsKey("arm"));
    }
}
