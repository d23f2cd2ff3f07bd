using PostPurchase.Functions.Workflows;

namespace PostPurchase.Functions.Tests.Workflows;

public sealed class OrderInstanceTests
{
    [Fact]
    public void IdFor_OrderId_PrefixesIt() => Assert.Equal("order-PP-1001", OrderInstance.IdFor("PP-1001"));

    [Theory]
    [InlineData("order-PP-1001", true, "PP-1001")]
    [InlineData("order-", false, "")]
    [InlineData("sweep-123", false, "")]
    [InlineData(null, false, "")]
    public void TryGetOrderId_InstanceId_ReadsTheOrderIdOfOrderTimelinesOnly(string? instanceId, bool expected, string orderId)
    {
        Assert.Equal(expected, OrderInstance.TryGetOrderId(instanceId, out var actual));
        Assert.Equal(orderId, actual);
    }
}
