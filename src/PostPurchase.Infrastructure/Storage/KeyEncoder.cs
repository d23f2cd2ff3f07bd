using System.Globalization;
using System.Text;

namespace PostPurchase.Infrastructure.Storage;

/// <summary>Makes any id safe as a Table Storage PartitionKey/RowKey ('/', '\', '#', '?', '%' and control characters are %-escaped).</summary>
internal static class KeyEncoder
{
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c);
}
