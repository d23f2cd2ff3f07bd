namespace PostPurchase.Core.Policies;

/// <summary>Case-insensitive lookups in policy tables, whatever comparer the dictionary came with.</summary>
/// <remarks>A policy read from JSON (a durable payload, a studio version) gets plain case-sensitive dictionaries.</remarks>
internal static class Lookup
{
    public static bool TryGet<T>(IReadOnlyDictionary<string, T> table, string key, out T value)
    {
        if (table.TryGetValue(key, out value!))
            return true;
        foreach (var (name, entry) in table)
        {
            if (string.Equals(name, key, StringComparison.OrdinalIgnoreCase))
            {
                value = entry;
                return true;
            }
        }
        value = default!;
        return false;
    }
}
