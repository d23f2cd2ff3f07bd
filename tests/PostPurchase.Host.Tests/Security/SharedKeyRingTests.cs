using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Security;

/// <summary>Several instances on one storage account, as on Flex Consumption: the anti-forgery keys are one ring in storage, encrypted with the signing key.</summary>
[Collection(HostCollection.Name)]
public sealed partial class SharedKeyRingTests(AzuriteServer azurite)
{
    [Fact]
    public async Task TrackingAction_FormFromOneInstancePostedToAnother_AcceptedThereAndRefusedWithAnotherSigningKey()
    {
        var prefix = "k" + Guid.NewGuid().ToString("N")[..10];
        await using var first = Instance(prefix, "shared-ring-signing-key-0123456789");
        await using var second = Instance(prefix, "shared-ring-signing-key-0123456789");
        await using var stranger = Instance(prefix, "another-signing-key-9876543210abc");
        var order = OrderBuilder.Electronics().Build();
        await first.Services.GetRequiredService<IOrderWorkflows>().StartAsync(order, CancellationToken.None);
        var token = first.Services.GetRequiredService<CustomerLinks>().CreateToken(order.OrderId);

        var page = await first.Anonymous().GetAsync($"/track/{token}");
        var html = await page.Content.ReadAsStringAsync();
        var cookie = page.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pp_af=", StringComparison.Ordinal)).Split(';')[0];
        var field = AntiforgeryField().Match(html);
        Assert.True(field.Success, "the page carries an anti-forgery field");

        var onSecond = await PostCancelAsync(second, token, cookie, field.Groups[1].Value);
        var onStranger = await PostCancelAsync(stranger, $"{stranger.Services.GetRequiredService<CustomerLinks>().CreateToken(order.OrderId)}", cookie, field.Groups[1].Value);

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("data-testid=\"cancel-confirm\"", await onSecond.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, onStranger.StatusCode);
    }

    private HostApp Instance(string prefix, string signingKey) => new(
        azurite.ConnectionString, simulated: false,
        services: s =>
        {
            s.RemoveAll<StorageAccount>();
            s.AddSingleton(sp => new StorageAccount(azurite.ConnectionString, sp.GetRequiredService<StorageRequestCounter>(), prefix));
        },
        settings: new Dictionary<string, string> { ["PostPurchase:SigningKey"] = signingKey });

    private static Task<HttpResponseMessage> PostCancelAsync(HostApp host, string token, string cookie, string antiforgery)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, $"/track/{token}/cancel")
        {
            Content = new FormUrlEncodedContent([new("__af", antiforgery), new("lang", "en")]),
        };
        request.Headers.Add("Cookie", cookie);
        return host.Anonymous().SendAsync(request);
    }

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
