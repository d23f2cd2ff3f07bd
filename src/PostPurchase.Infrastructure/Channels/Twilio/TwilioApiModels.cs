using System.Text.Json.Serialization;

namespace PostPurchase.Infrastructure.Channels.Twilio;

/// <summary>The part of Twilio's 201 Message resource the sender reads.</summary>
internal sealed record TwilioMessageResource(
    [property: JsonPropertyName("sid")] string? Sid,
    [property: JsonPropertyName("status")] string? Status);

/// <summary>Twilio's REST error body: <c>{"code":21211,"message":"...","more_info":"...","status":400}</c>.</summary>
internal sealed record TwilioErrorBody(
    [property: JsonPropertyName("code")] int? Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("more_info")] string? MoreInfo,
    [property: JsonPropertyName("status")] int? Status);
