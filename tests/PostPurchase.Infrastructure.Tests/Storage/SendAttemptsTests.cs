using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class SendAttemptsTests(AzuriteServer azurite)
{
    private static readonly DateTimeOffset First = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BeginAsync_AgainAfterTheFirstEnded_LearnsWhenTheFirstBeganAndGoes()
    {
        var attempts = Attempts();

        var first = await attempts.BeginAsync("PP-1", "PP-1:shipped:sms", First, CancellationToken.None);
        await attempts.EndAsync("PP-1", "PP-1:shipped:sms", CancellationToken.None);
        var again = await attempts.BeginAsync("PP-1", "PP-1:shipped:sms", First.AddMinutes(1), CancellationToken.None);

        Assert.Equal(SendAttempt.First, first);
        Assert.Equal(new SendAttempt(First, false), again);
    }

    [Fact]
    public async Task BeginAsync_WhileTheFirstMayStillBeUnderWay_HoldsBack()
    {
        var attempts = Attempts();
        await attempts.BeginAsync("PP-4", "PP-4:shipped:sms", First, CancellationToken.None);

        var meanwhile = await attempts.BeginAsync("PP-4", "PP-4:shipped:sms", First.AddMinutes(1), CancellationToken.None);

        Assert.Equal(new SendAttempt(First, true), meanwhile);
    }

    [Fact]
    public async Task BeginAsync_FirstNeverEndedAndIsOlderThanAnyAttemptLasts_TakesOverAndTheNextHoldsBack()
    {
        var attempts = Attempts();
        await attempts.BeginAsync("PP-5", "PP-5:shipped:sms", First, CancellationToken.None);
        var afterCrash = First + SendAttempt.UnderWayAtMost + TimeSpan.FromSeconds(1);

        var taken = await attempts.BeginAsync("PP-5", "PP-5:shipped:sms", afterCrash, CancellationToken.None);
        var next = await attempts.BeginAsync("PP-5", "PP-5:shipped:sms", afterCrash.AddSeconds(5), CancellationToken.None);

        Assert.Equal(new SendAttempt(First, false), taken);
        Assert.Equal(new SendAttempt(First, true), next);
    }

    [Fact]
    public async Task BeginAsync_OtherMessageOrOtherOrder_EachItsOwnFirst()
    {
        var attempts = Attempts();
        await attempts.BeginAsync("PP-2", "PP-2:shipped:sms", First, CancellationToken.None);

        Assert.Equal(SendAttempt.First, await attempts.BeginAsync("PP-2", "PP-2:delivered:sms", First, CancellationToken.None));
        Assert.Equal(SendAttempt.First, await attempts.BeginAsync("PP-3", "PP-2:shipped:sms", First, CancellationToken.None));
    }

    private SendAttempts Attempts() =>
        new(new StorageAccount(azurite.ConnectionString, new StorageRequestCounter(), "att" + Guid.NewGuid().ToString("N")[..8]));
}
