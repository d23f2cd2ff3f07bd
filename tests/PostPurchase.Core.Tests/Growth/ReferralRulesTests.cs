using PostPurchase.Core.Growth;
using PostPurchase.Core.Orders;
using PostPurchase.Core.Timeline;
using PostPurchase.Testing;
using static PostPurchase.Core.Tests.Growth.GrowthSetup;

namespace PostPurchase.Core.Tests.Growth;

public class ReferralRulesTests
{
    private static Core.Policies.TimelinePolicy Referral(params string[] pool) => Policy(g => g with
    {
        Replenishment = new ReplenishmentPolicy(),
        Referral = new ReferralPolicy
        {
            Enabled = true,
            CodePrefix = "FRIEND-",
            CodePool = [.. pool],
            RewardText = new(StringComparer.OrdinalIgnoreCase) { ["en"] = "10% off for your friend", ["nl"] = "10% korting voor je vriend(in)" },
            ShareUrlTemplate = "https://shop.example/?ref={code}",
        },
    }, feedback: true);

    [Fact]
    public void Decide_CsatFive_InvitesAtTheNextGrowthHourWithTheCode()
    {
        var timeline = Delivered(Referral());

        var answered = DeliveredAt.AddDays(2).AddHours(1); // Friday 15:00
        timeline.At(answered, new CsatAnswered(5));
        timeline.RunUntil(answered.AddDays(1));

        var invite = timeline.Single(Intent.ReferralInvite);
        Assert.Equal(new DateTimeOffset(2026, 3, 7, 10, 0, 0, Cet), timeline.SentAt[invite.Key]);
        Assert.Equal("FRIEND-7K2M9QXA", invite.Facts!["code"]);
        Assert.Equal("https://shop.example/?ref=FRIEND-7K2M9QXA", invite.Facts["shareUrl"]);
        Assert.Equal("10% korting voor je vriend(in)", invite.Facts["reward"]);
    }

    [Fact]
    public void Decide_ReviewLinkUsed_Invites()
    {
        var timeline = Delivered(Referral());

        timeline.At(DeliveredAt.AddDays(1), new ReviewLinkUsed());
        timeline.RunUntil(DeliveredAt.AddDays(2));

        Assert.Single(timeline.SentOf(Intent.ReferralInvite));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void Decide_LowCsat_NeverInvites(int score)
    {
        var timeline = Delivered(Referral());

        timeline.At(DeliveredAt.AddDays(2), new CsatAnswered(score));
        timeline.At(DeliveredAt.AddDays(3), new ReviewLinkUsed());
        timeline.RunToEnd();

        Assert.DoesNotContain(timeline.State.Messages, m => m.Intent == Intent.ReferralInvite && m.Status != MessageStatus.Suppressed);
    }

    [Fact]
    public void Decide_PoolCodeClaimed_UsesItOverTheDerivedCode()
    {
        var timeline = Delivered(Referral("SPRING-001", "SPRING-002"));

        timeline.At(DeliveredAt.AddDays(2), new CsatAnswered(4));
        timeline.Refresh(new BuyerActivity { PoolCode = "SPRING-002" });
        timeline.RunUntil(DeliveredAt.AddDays(4));

        Assert.Equal("SPRING-002", timeline.Single(Intent.ReferralInvite).Facts!["code"]);
    }

    [Fact]
    public void Decide_Disabled_NeverInvites()
    {
        var timeline = Delivered(Policy(feedback: true));

        timeline.At(DeliveredAt.AddDays(2), new CsatAnswered(5));
        timeline.RunToEnd();

        Assert.DoesNotContain(timeline.State.Messages, m => m.Intent == Intent.ReferralInvite);
    }

    [Fact]
    public void Decide_LoyaltyFromIntake_ReachesTheOrder()
    {
        var customer = Some.Customer() with { Consent = Marketing, Loyalty = new LoyaltyStatus(1250, "Gold") };
        var timeline = Delivered(Referral(), Serum().For(customer));

        Assert.Equal(new LoyaltyStatus(1250, "Gold"), timeline.State.Order.Customer.Loyalty);
    }
}
