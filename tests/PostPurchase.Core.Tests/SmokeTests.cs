using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests;

public class WireNameTests
{
    [Theory]
    [InlineData(Intent.OrderConfirmation, "order-confirmation")]
    [InlineData(Intent.DelayNoScan, "delay-no-scan")]
    [InlineData(Channel.WhatsApp, "whatsapp")]
    public void Of_EnumValue_IsKebabCaseOrOverride(Enum value, string expected) =>
        Assert.Equal(expected, WireName.Of(value));
}
