using Azure.Data.Tables;
using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Buyers;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Buyers;

[Collection(AzuriteCollection.Name)]
public sealed class TableBuyerProfilesTests(AzuriteServer azurite)
{
    private static readonly GrowthPolicy Growth = new() { Referral = new ReferralPolicy { CodePrefix = "FRIEND-" } };
    private static readonly BuyerKeys Keys = new("a-signing-key-for-buyer-tests");

    private (TableBuyerProfiles Profiles, StorageAccount Storage) Create()
    {
        var storage = new StorageAccount(azurite.ConnectionString, new StorageRequestCounter(), "b" + Guid.NewGuid().ToString("N")[..10]);
        return (new TableBuyerProfiles(new BuyerProfileRows(storage), Keys, new ReferralCodePool(storage)), storage);
    }

    private static Core.Orders.Order Order(string id, DateTimeOffset at, string email = "anna@example.com", bool marketing = false) =>
        OrderBuilder.Skincare().WithId(id).PlacedAt(at).For(Some.Customer() with { Email = email }).WithConsent(new(false, false, marketing)).Build();

    [Fact]
    public async Task RecordOrderAsync_SecondOrderOfABuyer_IsNumberTwoAndTheFirstIsToldAboutIt()
    {
        var (profiles, _) = Create();
        var first = await profiles.RecordOrderAsync(Order("PP-1", Some.Monday), Growth, CancellationToken.None);

        var second = await profiles.RecordOrderAsync(Order("PP-2", Some.Monday.AddDays(40), "ANNA+x@Example.com "), Growth, CancellationToken.None);
        var retried = await profiles.RecordOrderAsync(Order("PP-2", Some.Monday.AddDays(40)), Growth, CancellationToken.None);

        Assert.Equal((1, (DateTimeOffset?)null), (first.Facts.OrderNumber, first.Facts.PreviousOrderAt));
        Assert.Empty(first.EarlierOrders);
        Assert.Equal(first.Facts.Key, second.Facts.Key);
        Assert.Equal((2, Some.Monday, (DateTimeOffset?)Some.Monday), (second.Facts.OrderNumber, second.Facts.FirstOrderAt, second.Facts.PreviousOrderAt));
        Assert.Equal(["skincare"], second.Facts.Categories);
        Assert.Equal(["PP-1"], second.EarlierOrders);
        Assert.Equal((2, second.Facts.PreviousOrderAt), (retried.Facts.OrderNumber, retried.Facts.PreviousOrderAt));
        Assert.Equal(["PP-1"], retried.EarlierOrders);
        Assert.Matches("^FRIEND-.{8}$", second.Facts.ReferralCode);
    }

    [Fact]
    public async Task RecordOrderAsync_ClickWithinTheWindow_AttributesTheOrderToTheLastClick()
    {
        var (profiles, _) = Create();
        var first = await profiles.RecordOrderAsync(Order("PP-1", Some.Monday), Growth, CancellationToken.None);
        var key = first.Facts.Key;
        await profiles.RecordClickAsync(key, new Attribution("PP-1", "PP-1:win-back:email", "cta", Some.Monday.AddDays(20)), CancellationToken.None);
        await profiles.RecordClickAsync(key, new Attribution("PP-1", "PP-1:replenishment-reminder:SERUM-30:email", "cta", Some.Monday.AddDays(30)), CancellationToken.None);

        var inWindow = await profiles.RecordOrderAsync(Order("PP-2", Some.Monday.AddDays(35)), Growth, CancellationToken.None);
        var tooLate = await profiles.RecordOrderAsync(Order("PP-3", Some.Monday.AddDays(60)), Growth, CancellationToken.None);

        Assert.Equal("PP-1:replenishment-reminder:SERUM-30:email", inWindow.Facts.AttributedTo?.MessageKey);
        Assert.Null(tooLate.Facts.AttributedTo);
        Assert.Equal(["PP-2", "PP-1"], tooLate.EarlierOrders);
    }

    [Fact]
    public async Task RecordOrderAsync_CheckoutGrantAndLaterUnsubscribe_KeepTheLatestWord()
    {
        var (profiles, _) = Create();
        var first = await profiles.RecordOrderAsync(Order("PP-1", Some.Monday, marketing: true), Growth, CancellationToken.None);
        var key = first.Facts.Key;
        await profiles.RecordConsentAsync(key, new ConsentRecord("marketing", false, "unsubscribe-link", Some.Monday.AddDays(10), null), CancellationToken.None);

        var withoutTick = await profiles.RecordOrderAsync(Order("PP-2", Some.Monday.AddDays(20)), Growth, CancellationToken.None);
        var withTick = await profiles.RecordOrderAsync(Order("PP-3", Some.Monday.AddDays(30), marketing: true), Growth, CancellationToken.None);

        Assert.True(first.Facts.Activity.MarketingConsent!.Granted);
        Assert.False(withoutTick.Facts.Activity.MarketingConsent!.Granted);
        Assert.Equal((true, Some.Monday.AddDays(30)), (withTick.Facts.Activity.MarketingConsent!.Granted, withTick.Facts.Activity.MarketingConsent.At));
    }

    [Fact]
    public async Task ReserveAsync_ManyOrdersAtOnce_GrantsExactlyTheCap()
    {
        var (profiles, _) = Create();
        var key = (await profiles.RecordOrderAsync(Order("PP-1", Some.Monday), Growth, CancellationToken.None)).Facts.Key;
        var now = Some.Monday.AddDays(30);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            profiles.ReserveAsync(key, [new MarketingSend($"PP-{i}:review-request", Intent.ReviewRequest, now)], now, Growth with { WeeklyMarketingCap = 3 }, CancellationToken.None)));

        var saved = await profiles.GetAsync(key, CancellationToken.None);
        Assert.Equal(3, saved!.Activity.RecentMarketing.Count);
        Assert.All(results, r => Assert.InRange(r.RecentMarketing.Count, 1, 3));
    }

    [Fact]
    public async Task ReserveAsync_Referral_ClaimsOnePoolCodePerBuyerAndNoneTwice()
    {
        var (profiles, _) = Create();
        var policy = Growth with { Referral = Growth.Referral with { CodePool = ["SPRING-1", "SPRING-2"] } };
        var now = Some.Monday.AddDays(5);
        var buyers = new List<string>();
        foreach (var email in new[] { "a@example.com", "b@example.com", "c@example.com" })
        {
            buyers.Add((await profiles.RecordOrderAsync(Order($"PP-{email[0]}", Some.Monday, email), policy, CancellationToken.None)).Facts.Key);
        }
        MarketingSend Invite(int i) => new($"PP-{i}:referral-invite", Intent.ReferralInvite, now);

        var a = await profiles.ReserveAsync(buyers[0], [Invite(0)], now, policy, CancellationToken.None);
        var aAgain = await profiles.ReserveAsync(buyers[0], [Invite(0)], now, policy, CancellationToken.None);
        var b = await profiles.ReserveAsync(buyers[1], [Invite(1)], now, policy, CancellationToken.None);
        var c = await profiles.ReserveAsync(buyers[2], [Invite(2)], now, policy, CancellationToken.None);

        Assert.Equal(a.PoolCode, aAgain.PoolCode);
        Assert.Equal(["SPRING-1", "SPRING-2"], new[] { a.PoolCode!, b.PoolCode! }.Order());
        Assert.Null(c.PoolCode);
    }

    [Fact]
    public async Task ForgetOrderAsync_EachOrder_ShrinksTheProfileAndTheLastOneDeletesIt()
    {
        var (profiles, storage) = Create();
        var key = (await profiles.RecordOrderAsync(Order("PP-1", Some.Monday), Growth, CancellationToken.None)).Facts.Key;
        await profiles.RecordOrderAsync(Order("PP-2", Some.Monday.AddDays(3)), Growth, CancellationToken.None);
        await profiles.RecordClickAsync(key, new Attribution("PP-1", null, "rec:MASK-50", Some.Monday.AddDays(1)), CancellationToken.None);
        await profiles.ReserveAsync(key, [new MarketingSend("PP-1:win-back", Intent.WinBack, Some.Monday.AddDays(4))], Some.Monday.AddDays(4), Growth, CancellationToken.None);

        await profiles.ForgetOrderAsync(key, "PP-1", CancellationToken.None);
        var left = await profiles.GetAsync(key, CancellationToken.None);
        await profiles.ForgetOrderAsync(key, "PP-2", CancellationToken.None);

        Assert.Equal(["PP-2"], left!.Orders.Select(o => o.OrderId));
        Assert.Empty(left.Clicks);
        Assert.Empty(left.Activity.RecentMarketing);
        Assert.Null(left.Activity.LastWinBack);
        Assert.Null(await profiles.GetAsync(key, CancellationToken.None));
        Assert.Empty(await storage.Buyers.QueryAsync<TableEntity>().ToListAsync());
    }
}
