using System.Net;
using System.Text;
using System.Text.Json;
using PostPurchase.Host.Tests.Browser;

namespace PostPurchase.Host.Tests.Studio;

/// <summary>The studio's HTTP contract on the real Host: the settings API, anti-forgery on changes, the test-send limit.</summary>
[Collection(StudioHostCollection.Name)]
public sealed class StudioHttpTests(StudioHost host)
{
    [Fact]
    public async Task PutSettings_InvalidDocument_ProblemNamingEveryValueAndNothingSaved()
    {
        using var client = host.Client();
        var before = (await host.Studio.CurrentAsync(CancellationToken.None)).Version;

        using var response = await PutAsync(client, """{"policy":{"review":{"defaultDays":-2}},"templates":{"shipped.sms.nl.text":"{% if %}"}}""", StudioHost.ApiKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Contains("cannot be negative", errors.GetProperty("policy.review.defaultDays")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("(line 1, column", errors.GetProperty("templates.shipped.sms.nl.text")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(before, (await host.Studio.CurrentAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task PutSettings_WithoutTheKey_Unauthorized()
    {
        using var client = host.Client();

        using var response = await PutAsync(client, "{}", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task PutSettings_IfMatchAnOlderVersion_PreconditionFailedAndNothingSaved()
    {
        using var client = host.Client();
        using var current = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/studio/settings") { Headers = { { "x-functions-key", StudioHost.ApiKey } } });
        var document = await current.Content.ReadAsStringAsync();
        using var first = await PutAsync(client, document.Replace("\"fatigueCapPerDay\": 3", "\"fatigueCapPerDay\": 4", StringComparison.Ordinal), StudioHost.ApiKey, current.Headers.ETag!.Tag);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var stale = await PutAsync(client, document, StudioHost.ApiKey, current.Headers.ETag!.Tag);

        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        Assert.Equal(first.Headers.ETag!.Tag, $"\"v{(await host.Studio.CurrentAsync(CancellationToken.None)).Version}\"");
    }

    [Fact]
    public async Task PostFlows_SignedInWithoutAntiforgeryToken_RefusedAndNothingSaved()
    {
        using var client = host.Client();
        await host.FormTokenAsync(client, "/studio/flows");
        var before = (await host.Studio.CurrentAsync(CancellationToken.None)).Version;

        using var response = await client.PostAsync("/studio/flows", new FormUrlEncodedContent([new("action", "save"), new("fatigueCapPerDay", "9")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await host.Studio.CurrentAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task TestSend_BeyondTheHourlyLimit_TooManyRequestsWithRetryAfter()
    {
        using var client = host.Client();
        const string editor = "/studio/templates?intent=shipped&channel=email&locale=nl&part=subject";
        var token = await host.FormTokenAsync(client, editor);
        FormUrlEncodedContent Form() => new([
            new("__af", token), new("intent", "shipped"), new("channel", "email"), new("locale", "nl"), new("part", "subject"),
            new("source", "Test {{ order.number }}"), new("to", "merchant@shop.example")]);

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i <= StudioHost.TestSendsPerHour; i++)
            answers.Add(await client.PostAsync("/studio/templates/test-send", Form()));

        Assert.All(answers.Take(StudioHost.TestSendsPerHour), a => Assert.Contains("Test%20sent%20to%20merchant%40shop.example", a.Headers.Location?.OriginalString, StringComparison.Ordinal));
        var refused = answers[^1];
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task TestSend_NotAnAddress_BadRequestNamingTheField()
    {
        using var client = host.Client();
        var token = await host.FormTokenAsync(client, "/studio/templates?intent=shipped&channel=sms&locale=nl&part=text");

        using var response = await client.PostAsync("/studio/templates/test-send", new FormUrlEncodedContent([
            new("__af", token), new("intent", "shipped"), new("channel", "sms"), new("locale", "nl"), new("part", "text"), new("source", "x"), new("to", "0612345678")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("'to' must be a phone number in international form", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BrokenDocument_ListsEveryErrorAndChangesNothing()
    {
        using var client = host.Client();
        var token = await host.FormTokenAsync(client, "/studio");
        var before = (await host.Studio.CurrentAsync(CancellationToken.None)).Version;

        using var response = await client.PostAsync("/studio/import", new FormUrlEncodedContent([
            new("__af", token), new("document", """{"policy":{"fatigueCapPerDay":0},"branding":{"primaryColor":"#ffee00"}}""")]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("data-path=\"policy.fatigueCapPerDay\"", html, StringComparison.Ordinal);
        Assert.Contains("data-path=\"branding.primaryColor\"", html, StringComparison.Ordinal);
        Assert.Equal(before, (await host.Studio.CurrentAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task Import_TheExportedDocument_NothingChanges()
    {
        using var client = host.Client();
        var token = await host.FormTokenAsync(client, "/studio");
        using var export = await client.GetAsync("/studio/export");
        Assert.Equal("attachment", export.Content.Headers.ContentDisposition?.DispositionType);

        using var response = await client.PostAsync("/studio/import", new FormUrlEncodedContent([new("__af", token), new("document", await export.Content.ReadAsStringAsync())]));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("unchanged=", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static Task<HttpResponseMessage> PutAsync(HttpClient client, string json, string? key, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, "/api/studio/settings") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        if (key is not null)
            request.Headers.Add("x-functions-key", key);
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }
}
