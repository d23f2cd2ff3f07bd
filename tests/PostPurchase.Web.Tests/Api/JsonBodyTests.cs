using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using PostPurchase.Core.Orders.Intake;
using PostPurchase.Web.Api;

namespace PostPurchase.Web.Tests.Api;

public sealed class JsonBodyTests
{
    [Theory]
    [InlineData("$.customer.phone", "customer.phone")]
    [InlineData("$.items[1].quantity", "items[1].quantity")]
    [InlineData("$", "body")]
    [InlineData(null, "body")]
    public void FieldOf_JsonPath_IsTheApiFieldName(string? path, string field) =>
        Assert.Equal(field, JsonBody.FieldOf(path));

    [Fact]
    public async Task ReadAsync_SeveralWrongTypes_NamesEveryOneWithWhatWasExpected()
    {
        var result = await ReadAsync<OrderIntakeRequest>("""{"placedAt":"soon","items":[{"quantity":1.5},{"unitPrice":"cheap"}],"customer":{"consent":{"whatsapp":1}}}""");

        var errors = Errors(result.Problem);
        Assert.Equal(["customer.consent.whatsapp", "items[0].quantity", "items[1].unitPrice", "placedAt"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("ISO 8601", errors["placedAt"][0], StringComparison.Ordinal);
        Assert.Contains("whole number", errors["items[0].quantity"][0], StringComparison.Ordinal);
        Assert.Contains("true or false", errors["customer.consent.whatsapp"][0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_WrongTypeAndMissingFields_ReportsBothWithTheValidator()
    {
        var result = await ReadAsync<ShipmentRequest>("""{"carrier":42}""", r => OrderIntakeValidator.ValidateShipment(r).Errors);

        Assert.Equal(["carrier", "trackingNumber"], Errors(result.Problem).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ValidBody_ReturnsTheValue()
    {
        var result = await ReadAsync<ShipmentRequest>("""{"carrier":"postnl","trackingNumber":"3S123"}""");

        Assert.Null(result.Problem);
        Assert.Equal(new ShipmentRequest("postnl", "3S123"), result.Value);
    }

    [Fact]
    public async Task ReadAsync_WrongTypesBesideAnEscapedLoneSurrogate_ProblemNotException()
    {
        // Found by the hostile-request property test: after the wrong-typed fields are cleared, the node holding "\ud800" is
        // written out again, and that throws where reading it alone would not.
        var result = await ReadAsync<OrderIntakeRequest>("""{"status":"\ud800","totals":"#I&","occurredAt":"","trackingNumber":-487158184378535659,"currency":"^jm"}""");

        Assert.Null(result.Value);
        Assert.Equal(StatusCodes.Status400BadRequest, result.Problem?.StatusCode);
    }

    private static Task<JsonBodyResult<T>> ReadAsync<T>(string json, Func<T, IReadOnlyDictionary<string, string[]>>? validate = null) where T : class
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));
        return JsonBody.ReadAsync(context.Request, CancellationToken.None, validate: validate);
    }

    private static IDictionary<string, string[]> Errors(ProblemHttpResult? problem) =>
        Assert.IsType<HttpValidationProblemDetails>(problem?.ProblemDetails).Errors;
}
