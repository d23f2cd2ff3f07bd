using PostPurchase.Web.Pages.Dashboard.Experiments;

namespace PostPurchase.Web.Tests.Pages.Dashboard.Experiments;

public sealed class TwoProportionTestTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(1.0, 0.157299207)]
    [InlineData(1.959963985 / 1.4142135623730951, 0.05)]
    [InlineData(-1.0, 1.842700793)]
    public void Erfc_KnownValues_WithinTheFitsPrecision(double x, double expected) =>
        Assert.Equal(expected, TwoProportionTest.Erfc(x), 6);

    [Fact]
    public void PValue_TwelvePercentAgainstEightOnAThousandEach_IsReal()
    {
        // z = 3.0 for 120/1000 against 80/1000: p = 0.0027.
        var p = TwoProportionTest.PValue(120, 1000, 80, 1000);

        Assert.NotNull(p);
        Assert.InRange(p!.Value, 0.0025, 0.0030);
    }

    [Fact]
    public void PValue_SameRates_IsOne() => Assert.Equal(1.0, TwoProportionTest.PValue(30, 300, 30, 300)!.Value, 6);

    [Theory]
    [InlineData(1, 10, 0, 10)]
    [InlineData(0, 0, 3, 40)]
    [InlineData(2, 400, 1, 400)]
    public void PValue_TooFewOrdersOrConversions_IsNull(int x1, int n1, int x2, int n2) =>
        Assert.Null(TwoProportionTest.PValue(x1, n1, x2, n2));
}
