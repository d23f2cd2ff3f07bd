namespace PostPurchase.Web.Pages.Dashboard.Experiments;

/// <summary>The two-proportion z-test: is the difference between two conversion rates more than chance?</summary>
public static class TwoProportionTest
{
    /// <summary>Each arm needs this many orders and conversions (and non-conversions) before the normal approximation holds.</summary>
    public const int MinimumExpected = 5;

    /// <summary>The two-sided p-value of x1/n1 against x2/n2 (pooled); null when either arm is too small to judge.</summary>
    public static double? PValue(int x1, int n1, int x2, int n2)
    {
        if (n1 <= 0 || n2 <= 0)
        {
            return null;
        }
        var pooled = (double)(x1 + x2) / (n1 + n2);
        if (Math.Min(n1, n2) * Math.Min(pooled, 1 - pooled) < MinimumExpected)
        {
            return null;
        }
        var se = Math.Sqrt(pooled * (1 - pooled) * (1.0 / n1 + 1.0 / n2));
        var z = ((double)x1 / n1 - (double)x2 / n2) / se;
        return Math.Clamp(Erfc(Math.Abs(z) / Math.Sqrt(2)), 0, 1);
    }

    /// <summary>The complementary error function (Numerical Recipes' Chebyshev fit, relative error below 1.2e-7).</summary>
    internal static double Erfc(double x)
    {
        var z = Math.Abs(x);
        var t = 1 / (1 + 0.5 * z);
        var poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
            + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        var r = t * Math.Exp(poly);
        return x >= 0 ? r : 2 - r;
    }
}
