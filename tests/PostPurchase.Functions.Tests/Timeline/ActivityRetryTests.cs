using PostPurchase.Functions.Timeline;

namespace PostPurchase.Functions.Tests.Timeline;

public sealed class ActivityRetryTests
{
    [Fact]
    public void ToTaskOptions_Default_CarriesEveryKnobIntoTheRetryPolicy()
    {
        var policy = ActivityRetry.Default.ToTaskOptions().Retry!.Policy!;

        Assert.Equal(8, policy.MaxNumberOfAttempts);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.FirstRetryInterval);
        Assert.Equal(2.0, policy.BackoffCoefficient);
        Assert.Equal(TimeSpan.FromMinutes(10), policy.MaxRetryInterval);
    }

    [Theory]
    [InlineData(0, 30, 2.0, 600, "MaxAttempts")]
    [InlineData(3, 0, 2.0, 600, "FirstInterval")]
    [InlineData(3, 30, 0.5, 600, "BackoffCoefficient")]
    [InlineData(3, 30, 2.0, 10, "MaxInterval")]
    public void Validate_OutOfRange_NamesTheSetting(int attempts, int firstSeconds, double backoff, int maxSeconds, string setting)
    {
        var retry = new ActivityRetry(attempts, TimeSpan.FromSeconds(firstSeconds), backoff, TimeSpan.FromSeconds(maxSeconds));

        var error = Assert.Throws<InvalidOperationException>(() => retry.Validate());

        Assert.Contains($"PostPurchase:Durable:Retry:{setting}", error.Message, StringComparison.Ordinal);
    }
}
