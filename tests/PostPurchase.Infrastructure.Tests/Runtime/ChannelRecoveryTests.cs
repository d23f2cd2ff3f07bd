using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Runtime;

namespace PostPurchase.Infrastructure.Tests.Runtime;

public sealed class ChannelRecoveryTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Accepted_AfterRefusalsSpanningTheSpell_WakesThatChannelOnce()
    {
        var recovery = new ChannelRecovery();
        recovery.Refused(Channel.Email, Noon);
        recovery.Refused(Channel.Email, Noon + ChannelRecovery.Spell);

        Assert.True(recovery.Accepted(Channel.Email, Noon + ChannelRecovery.Spell));

        Assert.Equal([Channel.Email], recovery.TakeWoken());
        Assert.Empty(recovery.TakeWoken());
        Assert.False(recovery.Accepted(Channel.Email, Noon + ChannelRecovery.Spell * 2));
    }

    [Fact]
    public void Accepted_RefusalsAmongAcceptances_WakesNothing()
    {
        var recovery = new ChannelRecovery();
        for (var second = 0; second < 120; second += 10)
        {
            recovery.Refused(Channel.Sms, Noon.AddSeconds(second));
            Assert.False(recovery.Accepted(Channel.Sms, Noon.AddSeconds(second + 5)));
        }

        Assert.Empty(recovery.TakeWoken());
    }

    [Fact]
    public void Accepted_AnotherChannelInTrouble_WakesNothing()
    {
        var recovery = new ChannelRecovery();
        recovery.Refused(Channel.Email, Noon);

        Assert.False(recovery.Accepted(Channel.Sms, Noon + ChannelRecovery.Spell));
        Assert.Empty(recovery.TakeWoken());
    }
}
