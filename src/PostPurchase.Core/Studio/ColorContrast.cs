using System.Globalization;

namespace PostPurchase.Core.Studio;

/// <summary>WCAG 2 contrast between two CSS hex colours: white text on a brand colour must reach 4.5:1 (AA for body text).</summary>
public static class ColorContrast
{
    /// <summary>The least ratio the studio accepts for text on a brand colour.</summary>
    public const double Minimum = 4.5;

    /// <summary>The contrast ratio (1 to 21) of <paramref name="foreground"/> on <paramref name="background"/>, both "#rgb" or "#rrggbb" (alpha ignored).</summary>
    /// <exception cref="FormatException">A colour is not a CSS hex colour.</exception>
    public static double Ratio(string foreground, string background)
    {
        var (a, b) = (Luminance(foreground), Luminance(background));
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    private static double Luminance(string color)
    {
        var hex = (color ?? "").Trim().TrimStart('#');
        if (hex.Length is 3 or 4)
            hex = string.Concat(hex.Take(3).Select(c => new string(c, 2)));
        else if (hex.Length is 6 or 8)
            hex = hex[..6];
        else
            throw new FormatException($"'{color}' is not a CSS hex colour such as #1f6feb.");
        if (!int.TryParse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var rgb))
            throw new FormatException($"'{color}' is not a CSS hex colour such as #1f6feb.");
        return 0.2126 * Channel(rgb >> 16) + 0.7152 * Channel(rgb >> 8) + 0.0722 * Channel(rgb);
    }

    private static double Channel(int value)
    {
        var c = (value & 0xff) / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
