namespace PostPurchase.Core.Policies;

/// <summary>Finds a category's entry in a merchant table: the whole text first, then the most specific known word of a path.</summary>
/// <remarks>Case-insensitive whatever the table's comparer (see <see cref="Lookup"/>).</remarks>
internal static class CategoryLookup
{
    private static readonly char[] Separators = [' ', '/', '>', '&', ',', '-', '|', ';'];

    /// <summary>The value for <paramref name="category"/> ("Beauty > Skincare" finds "skincare", then "beauty"); false when none matches.</summary>
    public static bool TryFind<T>(IReadOnlyDictionary<string, T> table, string? category, out T value)
    {
        var text = category?.Trim() ?? "";
        if (Lookup.TryGet(table, text, out value))
        {
            return true;
        }
        foreach (var word in text.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            if (Lookup.TryGet(table, word, out value))
            {
                return true;
            }
        }
        value = default!;
        return false;
    }
}
