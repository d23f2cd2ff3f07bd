using System.Text.Json;
using System.Text.RegularExpressions;

namespace PostPurchase.Infrastructure.Api;

/// <summary>Says in a developer's words what a field of the wrong type should have held.</summary>
internal static partial class JsonTypeNames
{
    public static string Expectation(JsonException exception)
    {
        var match = TargetType().Match(exception.Message);
        var type = match.Success ? match.Groups["type"].Value : "";
        var expected = type switch
        {
            _ when type.Contains("DateTimeOffset", StringComparison.Ordinal) || type.Contains("DateTime", StringComparison.Ordinal) =>
                "an ISO 8601 date and time with offset, e.g. \"2026-03-02T09:00:00+01:00\"",
            _ when type.Contains("Boolean", StringComparison.Ordinal) => "true or false",
            _ when type.Contains("Int32", StringComparison.Ordinal) || type.Contains("Int64", StringComparison.Ordinal) => "a whole number",
            _ when type.Contains("Decimal", StringComparison.Ordinal) || type.Contains("Double", StringComparison.Ordinal) => "a number",
            _ when type.Contains("String", StringComparison.Ordinal) && !type.Contains('[', StringComparison.Ordinal) => "a string",
            _ when type.Contains("List", StringComparison.Ordinal) || type.EndsWith("[]", StringComparison.Ordinal) => "an array",
            _ when type.Length > 0 => "an object",
            _ => null,
        };
        return expected is null ? "Wrong type or format." : $"Wrong type or format: expected {expected}.";
    }

    [GeneratedRegex(@"converted to (?<type>\S+?)\.?\s+Path", RegexOptions.CultureInvariant)]
    private static partial Regex TargetType();
}
