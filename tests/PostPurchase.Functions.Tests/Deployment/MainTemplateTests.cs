using System.Text.Json;

namespace PostPurchase.Functions.Tests.Deployment;

/// <summary>The deployment (infra/main.bicep, compiled to ARM JSON) gives the app no key: storage and email go through its identity.</summary>
public sealed class MainTemplateTests
{
    private static readonly Lazy<Task<string>> Template = new(() => BicepTemplate.BuildAsync(Path.Combine("infra", "main.bicep")));

    [Theory]
    [InlineData("listKeys(")]
    [InlineData("AccountKey")]
    [InlineData("accesskey=")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("storage-connection-string")]
    public async Task Build_MainTemplate_NoKeyIsReadOrPassedAnywhere(string key)
    {
        var arm = await Template.Value;

        Assert.DoesNotContain(key, arm, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("AzureWebJobsStorage")]
    [InlineData("PostPurchase__Storage")]
    public async Task Build_MainTemplate_StorageSettingsNameTheManagedIdentityAndNoConnectionString(string connection)
    {
        var arm = await Template.Value;

        var settings = AppSettingsExpression(arm);
        Assert.Contains($"'{connection}__credential', 'managedidentity'", settings, StringComparison.Ordinal);
        Assert.Contains($"'{connection}__clientId', parameters('identityClientId')", settings, StringComparison.Ordinal);
        Assert.Contains($"'{connection}__accountName', parameters('storageAccountName')", settings, StringComparison.Ordinal);
        // The bare name would be a connection string setting.
        Assert.DoesNotContain($"'{connection}'", arm, StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{connection}\"", arm, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_MainTemplate_StorageAccountRefusesKeysByDefault()
    {
        var arm = await Template.Value;

        using var document = JsonDocument.Parse(arm);
        var storage = Module(document.RootElement, "storage");
        Assert.False(storage.GetProperty("parameters").GetProperty("allowSharedKeyAccess").GetProperty("defaultValue").GetBoolean());
    }

    [Fact]
    public async Task Build_MainTemplate_SecureParametersReachTheAppOnlyThroughKeyVault()
    {
        var arm = await Template.Value;

        using var document = JsonDocument.Parse(arm);
        var root = document.RootElement;
        var secure = root.GetProperty("parameters").EnumerateObject()
            .Where(p => p.Value.GetProperty("type").GetString() == "securestring").Select(p => p.Name).ToList();
        var api = root.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "api")
            .GetProperty("properties").GetProperty("parameters").GetRawText();
        Assert.Contains("shopifyWebhookSecret", secure);
        Assert.Contains("emailEventsKey", secure);
        Assert.All(secure, name => Assert.DoesNotContain($"parameters('{name}')", api, StringComparison.Ordinal));
    }

    /// <summary>The ARM expression that builds the Function App's app settings (the api module's <c>appsettings</c> config).</summary>
    private static string AppSettingsExpression(string arm)
    {
        using var document = JsonDocument.Parse(arm);
        return Module(document.RootElement, "api").GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Web/sites/config")
            .GetProperty("properties").GetString()!;
    }

    private static JsonElement Module(JsonElement root, string name) =>
        root.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == name)
            .GetProperty("properties").GetProperty("template");
}
