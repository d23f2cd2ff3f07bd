using PostPurchase.Infrastructure.Channels.Acs;

namespace PostPurchase.Infrastructure.Tests.Channels.Acs;

public sealed class AcsOperationIdTests
{
    [Fact]
    public void For_SameKey_GivesTheSameVersion8Uuid()
    {
        var first = AcsOperationId.For("PP-1:order-confirmation:email");
        var again = AcsOperationId.For("PP-1:order-confirmation:email");

        Assert.Equal(first, again);
        Assert.Equal('8', first.ToString()[14]);
        Assert.Contains(first.ToString()[19], "89ab");
    }

    [Fact]
    public void For_DifferentKeys_GiveDifferentIds()
    {
        Assert.NotEqual(AcsOperationId.For("PP-1:order-confirmation:email"), AcsOperationId.For("PP-2:order-confirmation:email"));
    }
}
