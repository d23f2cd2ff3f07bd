namespace PostPurchase.Core.Studio;

/// <summary>One refused value of a settings document: where (a JSON path such as "policy.review.defaultDays"), why, and for a template the line and column.</summary>
public sealed record SettingsError(string Path, string Message, int? Line = null, int? Column = null)
{
    /// <summary>"path: message (line 3, column 7)".</summary>
    public override string ToString() =>
        Line is { } line ? $"{Path}: {Message} (line {line}, column {Column ?? 1})" : $"{Path}: {Message}";
}
