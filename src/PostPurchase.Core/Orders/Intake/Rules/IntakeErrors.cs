namespace PostPurchase.Core.Orders.Intake.Rules;

/// <summary>Collects problems by JSON path, in the order found, so that one answer names every invalid field.</summary>
internal sealed class IntakeErrors
{
    private readonly Dictionary<string, List<string>> _byPath = new(StringComparer.Ordinal);

    /// <summary>True when nothing was wrong.</summary>
    public bool IsEmpty => _byPath.Count == 0;

    /// <summary>Records <paramref name="message"/> against <paramref name="path"/>.</summary>
    public void Add(string path, string message)
    {
        if (!_byPath.TryGetValue(path, out var messages))
        {
            _byPath[path] = messages = [];
        }
        messages.Add(message);
    }

    /// <summary>True when <paramref name="path"/> already has a problem.</summary>
    public bool Has(string path) => _byPath.ContainsKey(path);

    /// <summary>The trimmed text, or null after recording "Required." when it is missing or blank.</summary>
    public string? Required(string? value, string path, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(path, "Required.");
            return null;
        }
        return Limited(value, path, maxLength);
    }

    /// <summary>The trimmed text, null when missing or blank; records a problem when longer than <paramref name="maxLength"/>.</summary>
    public string? Optional(string? value, string path, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? null : Limited(value, path, maxLength);

    /// <summary>The value, or null after recording "Required." when it is missing.</summary>
    public T? Required<T>(T? value, string path) where T : struct
    {
        if (value is null)
        {
            Add(path, "Required.");
        }
        return value;
    }

    /// <summary>The errors as <see cref="ValidationResult{T}"/> carries them.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() => _byPath.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    private string Limited(string value, string path, int maxLength)
    {
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength)
        {
            Add(path, $"Longer than {maxLength} characters.");
        }
        return trimmed;
    }
}
