using System.Text.Json;

namespace PostPurchase.Infrastructure.Tests.Channels.Support;

/// <summary>Reads the provider samples and vectors copied into Fixtures/.</summary>
internal static class Fixture
{
    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public static JsonElement Json(string name) => JsonDocument.Parse(Text(name)).RootElement;

    public static JsonElement Vectors(string section) => Json("signature-test-vectors.json").GetProperty(section);
}
