using System.Net;
using PostPurchase.Core.Timeline;
using PostPurchase.Host.Tests.Support;
using PostPurchase.Web.Api;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Host.Tests.Endpoints;

[Collection(HostCollection.Name)]
public sealed class OrderEndpointsTests(AzuriteServer azurite) : IAsyncLifetime
{
    private HostApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HostApp(azurite.ConnectionString);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task PlaceOrder_ValidOrder_Returns202WithLocationAndTrackingUrl()
    {
        var order = OrderBuilder.Apparel().PlacedAt(HostApp.Start).Build();

        var response = await _app.Merchant().PostAsync("/api/orders", Json.Intake(order));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/orders/{order.OrderId}", response.Headers.Location?.OriginalString);
        var receipt = await Json.ReadAsync<OrderReceipt>(response);
        Assert.Equal(order.OrderId, receipt.OrderId);
        Assert.Equal(OrderStatus.Confirmed, receipt.Status);
        Assert.StartsWith("https://shop.example/track/", receipt.TrackingUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlaceOrder_SameOrderTwice_Returns200WithExistingOrderAndOneConfirmation()
    {
        var merchant = _app.Merchant();
        var order = OrderBuilder.Apparel().PlacedAt(HostApp.Start).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.DrainAsync(_app);

        var again = await merchant.PostAsync("/api/orders", Json.Intake(order));
        await Dev.DrainAsync(_app);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(order.OrderId, (await Json.ReadAsync<OrderReceipt>(again)).OrderId);
        var messages = await Dev.MessagesAsync(merchant, order.OrderId);
        Assert.Single(messages, m => m.Intent == Intent.OrderConfirmation);
    }

    [Fact]
    public async Task PlaceOrder_InvalidFields_Returns400NamingEveryFieldAndStoresNothing()
    {
        var merchant = _app.Merchant();
        const string body = """
            {"orderId":"PP-INVALID-1","placedAt":"2026-03-02T09:00:00+01:00","currency":"EURO",
             "customer":{"firstName":"Anna","lastName":"de Vries","email":"not-an-email","phone":"0612",
                         "locale":"nl","timeZone":"Europe/Amsterdam","consent":{"sms":true,"whatsapp":false}},
             "items":[{"sku":"TEE","name":"T-shirt","category":"apparel","quantity":0,"unitPrice":19.5}],
             "totals":{"subtotal":19.5,"discount":0,"shipping":0,"tax":0,"total":19.5},
             "paymentMethod":"iDEAL",
             "shippingAddress":{"line1":"Damrak 1","postalCode":"1012 LG","city":"Amsterdam","country":"NL"},
             "promise":{"shipBy":"2026-03-03T09:00:00+01:00","deliverBy":"2026-03-05T09:00:00+01:00"}}
            """;

        var response = await merchant.PostAsync("/api/orders", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var fields = await Json.ErrorFieldsAsync(response);
        Assert.Contains("currency", fields);
        Assert.Contains("customer.email", fields);
        Assert.Contains("customer.phone", fields);
        Assert.Contains("items[0].quantity", fields);
        Assert.Equal(HttpStatusCode.NotFound, (await merchant.GetAsync("/api/orders/PP-INVALID-1")).StatusCode);
    }

    [Fact]
    public async Task PlaceOrder_WrongTypes_Returns400NamingEachWrongField()
    {
        const string body = """{"orderId":12,"placedAt":"next tuesday","customer":{"consent":{"sms":"yes"}},"items":[{"quantity":"two"}]}""";

        var response = await _app.Merchant().PostAsync("/api/orders", Json.Body(body));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var fields = await Json.ErrorFieldsAsync(response);
        Assert.Contains("orderId", fields);
        Assert.Contains("placedAt", fields);
        Assert.Contains("customer.consent.sms", fields);
        Assert.Contains("items[0].quantity", fields);
        Assert.Contains("currency", fields);
    }

    [Fact]
    public async Task PlaceOrder_MalformedJson_Returns400NamingWhereItBroke()
    {
        var response = await _app.Merchant().PostAsync("/api/orders", Json.Body("""{"orderId":"PP-1","items":[}"""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await Json.ReadAsync(response);
        var message = problem["errors"]!.AsObject().Single().Value![0]!.GetValue<string>();
        Assert.StartsWith("Malformed JSON at line 1", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PlaceOrder_MissingBody_Returns400NamingBody()
    {
        var response = await _app.Merchant().PostAsync("/api/orders", Json.Body(""));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["body"], await Json.ErrorFieldsAsync(response));
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("GET", "/messages")]
    [InlineData("POST", "/shipments")]
    [InlineData("POST", "/cancel")]
    [InlineData("POST", "/refund")]
    public async Task OrderRoutes_UnknownOrder_Return404Problem(string method, string suffix)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), $"/api/orders/{Some.OrderId()}{suffix}");
        if (method == "POST")
        {
            request.Content = Json.Body("""{"carrier":"postnl","trackingNumber":"3SXYZ0000001"}""");
        }

        var response = await _app.Merchant().SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task RegisterShipment_MissingFields_Returns400NamingThem()
    {
        var merchant = _app.Merchant();
        var order = OrderBuilder.Apparel().PlacedAt(HostApp.Start).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));

        var response = await merchant.PostAsync($"/api/orders/{order.OrderId}/shipments", Json.Body("{}"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["carrier", "trackingNumber"], await Json.ErrorFieldsAsync(response));
    }

    [Fact]
    public async Task GetPoison_Authorized_ReturnsAList()
    {
        var response = await _app.Merchant().GetAsync("/api/admin/poison?max=10");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty((await Json.ReadAsync(response)).AsArray());
    }

    [Fact]
    public async Task CancelOrder_NoBody_Returns202()
    {
        var merchant = _app.Merchant();
        var order = OrderBuilder.Apparel().PlacedAt(HostApp.Start).Build();
        await merchant.PostAsync("/api/orders", Json.Intake(order));

        var response = await merchant.PostAsync($"/api/orders/{order.OrderId}/cancel", content: null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal($"/api/orders/{order.OrderId}", response.Headers.Location?.OriginalString);
    }
}
