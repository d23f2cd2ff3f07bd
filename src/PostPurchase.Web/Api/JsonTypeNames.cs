using System.Reflection;
using PostPurchase.Core.Serialization;

namespace PostPurchase.Web.Api;

/// <summary>Says in a developer's words what a field of the wrong type should have held, from the body's .NET shape.</summary>
internal static class JsonTypeNames
{
    public static string Expectation(Type body, string? path)
    {
        var type = TypeAt(body, path);
        return type is null ? "Wrong type or format." : $"Wrong type or format: expected {Describe(type)}.";
    }

    private static Type? TypeAt(Type body, string? path)
    {
        Type? type = body;
        foreach (var segment in JsonPaths.Segments(path))
        {
            type = segment switch
            {
                string name => type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                    .FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.PropertyType,
                _ => ElementOf(type),
            };
            if (type is null)
            {
                return null;
            }
            type = Nullable.GetUnderlyingType(type) ?? type;
        }
        return type;
    }

    private static Type? ElementOf(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    private static string Describe(Type type) => type switch
    {
        _ when type == typeof(DateTimeOffset) || type == typeof(DateTime) => "an ISO 8601 date and time with offset, e.g. \"2026-03-02T09:00:00+01:00\"",
        _ when type == typeof(bool) => "true or false",
        _ when type == typeof(int) || type == typeof(long) => "a whole number",
        _ when type == typeof(decimal) || type == typeof(double) => "a number",
        _ when type == typeof(string) => "a string",
        _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetValues(type).Cast<Enum>().Select(WireName.Of)),
        _ when ElementOf(type) is not null => "an array",
        _ => "an object",
    };
}
