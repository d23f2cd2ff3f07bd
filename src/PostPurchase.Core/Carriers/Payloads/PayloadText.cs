namespace PostPurchase.Core.Carriers.Payloads;

/// <summary>Text shapes shared by the providers: locations and raw statuses.</summary>
internal static class PayloadText
{
    /// <summary>"City, State, Country" from the parts that are present, or null when none is.</summary>
    public static string? Location(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p!.Trim()).ToList();
        return present.Count == 0 ? null : string.Join(", ", present);
    }

    /// <summary>"status/sub-status", or just the status when there is no sub-status.</summary>
    public static string Raw(string status, string? subStatus) =>
        string.IsNullOrWhiteSpace(subStatus) ? status : $"{status}/{subStatus}";
}
