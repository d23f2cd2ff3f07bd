using PostPurchase.Infrastructure.Storage;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class SendAttemptsTests(AzuriteServer azurite)
{
    private static readonly DateTimeOffset First = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task BeginAsync_FirstThenAgainAfterACrash_SecondLearnsWhenTheFirstBegan()
    {
        var attempts = Attempts();

        var first = await attempts.BeginAsync("PP-1", "PP-1:shipped:sms", First, CancellationToken.None);
        var again = await attempts.BeginAsync("PP-1", "PP-1:shipped:sms", First.AddMinutes(3), CancellationToken.None);

        Assert.Null(first);
        Assert.Equal(First, again);
    }

    [Fact]
    public async Task BeginAsync_OtherMessageOrOtherOrder_EachItsOwnFirst()
    {
        var attempts = Attempts();
        await attempts.BeginAsync("PP-2", "PP-2:shipped:sms", First, CancellationToken.None);

        Assert.Null(await attempts.BeginAsync("PP-2", "PP-2:delivered:sms", First, CancellationToken.None));
        Assert.Null(await attempts.BeginAsync("PP-3", "PP-2:shipped:sms", First, CancellationToken.None));
    }

    private SendAttempts Attempts() =>
        new(new StorageAccount(azurite.ConnectionString, new StorageRequestCounter(), "att" + Guid.NewGuid().ToString("N")[..8]));
}
