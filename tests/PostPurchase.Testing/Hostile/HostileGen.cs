using System.Text;
using CsCheck;

namespace PostPurchase.Testing.Hostile;

/// <summary>CsCheck generators of hostile requests over every public route of either runtime; they shrink to a minimal failing request.</summary>
public static class HostileGen
{
    private static readonly string[] JsonKeys =
        ["orderId", "placedAt", "currency", "customer", "items", "totals", "shipments", "trackingNumber", "carrier", "status", "eventId", "occurredAt",
         "id", "data", "eventType", "subject", "line_items", "phone", "email", "consent", "reason", "amount", "text"];

    private static readonly string[] ContentTypes =
        ["application/json", "application/x-www-form-urlencoded", "text/plain", "multipart/form-data", "application/json; charset=utf-16",
         "application/xml", "???"];

    /// <summary>A route token or order id: empty-ish, long, odd characters, percent-escapes and look-alikes of real ones.</summary>
    public static readonly Gen<string> Token = Gen.OneOf(
        Gen.String[Gen.Char["a-zA-Z0-9-_."], 1, 40],
        Gen.String[Gen.Char.AlphaNumeric, 300, 3000],
        Pick("%00", "%FF%FE", "..%2F..%2Fetc", "%C3%28", "x%20y", "ord-1'--", "%E2%80%AE", "0", "-1", "%25", "v1.AAAA.BBBB"));

    private static readonly Gen<string> JsonScalar = Gen.OneOf(
        Gen.Long.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Pick("null", "true", "false", "1e999", "-0", "\"\"", "[]", "{}", "\"2026-13-45T99:99:99Z\"", "\"\\ud800\"", "1.7976931348623157e309"),
        Gen.String[0, 30].Select(s => System.Text.Json.JsonSerializer.Serialize(s)));

    /// <summary>Well-formed JSON whose fields have the wrong types (numbers for dates, arrays for objects, nulls everywhere).</summary>
    private static readonly Gen<byte[]> WrongTypes =
        Gen.Select(Pick(JsonKeys), JsonScalar).Array[0, 8]
            .Select(fields => "{" + string.Join(",", fields.Select(f => $"\"{f.Item1}\":{f.Item2}")) + "}")
            .Select(json => Gen.Bool.Select(array => array ? $"[{json}]" : json))
            .SelectMany(g => g)
            .Select(Encoding.UTF8.GetBytes);

    private static readonly Gen<byte[]> Malformed =
        Gen.String[Gen.Char["{}[]\":,0123456789abcnultrefs\\ \n-.eE"], 0, 200].Select(Encoding.UTF8.GetBytes);

    private static readonly Gen<byte[]> DeepNesting = Gen.Select(Gen.Int[16, 20_000], Gen.Bool).Select((depth, objects) => Encoding.UTF8.GetBytes(objects
        ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
        : new string('[', depth) + new string(']', depth)));

    private static readonly Gen<byte[]> Huge = Gen.Int[1, 3].Select(megabytes =>
        Encoding.UTF8.GetBytes("{\"orderId\":\"" + new string('a', megabytes * 1024 * 1024) + "\",\"items\":[]}"));

    private static readonly Gen<byte[]> BadUtf8 = Gen.Select(Pick(JsonKeys), Gen.Byte.Array[1, 40]).Select((key, bytes) =>
        Encoding.UTF8.GetBytes($"{{\"{key}\":\"").Concat(bytes.Select(b => (byte)(b | 0x80))).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray());

    private static readonly Gen<byte[]> Form = Gen.Select(Gen.OneOf(Pick("Body", "From", "To", "MessageSid", "MessageStatus", "ErrorCode", "AccountSid",
            "key", "apiKey", "returnUrl", "__RequestVerificationToken", "reason", "rating")), Token).Array[0, 8]
        .Select(pairs => Encoding.UTF8.GetBytes(string.Join("&", pairs.Select(p => $"{p.Item1}={p.Item2}")) + "&%ZZ=%&&=&=="));

    private static readonly Gen<(string Kind, byte[] Body)> Body = Gen.Frequency(
        (4, Malformed.Select(b => ("malformed JSON", b))),
        (4, WrongTypes.Select(b => ("wrong types", b))),
        (3, Form.Select(b => ("form", b))),
        (2, BadUtf8.Select(b => ("bad UTF-8", b))),
        (2, DeepNesting.Select(b => ("deep nesting", b))),
        (1, Huge.Select(b => ("huge", b))),
        (1, Gen.Const(("empty", Array.Empty<byte>()))));

    /// <summary>A public route with its tokens filled in: (method, path).</summary>
    private static readonly Gen<(string Method, string Path)> Route = Token.SelectMany(token => Pick(
        ("POST", "/api/orders"), ("GET", $"/api/orders/{token}"), ("GET", $"/api/orders/{token}/messages"),
        ("POST", $"/api/orders/{token}/shipments"), ("POST", $"/api/orders/{token}/cancel"), ("POST", $"/api/orders/{token}/refund"),
        ("GET", "/api/admin/poison"),
        ("POST", "/api/webhooks/carriers/aftership"), ("POST", "/api/webhooks/carriers/easypost"), ("POST", "/api/webhooks/carriers/sendcloud"),
        ("POST", "/api/webhooks/carriers/shippo"), ("POST", "/api/webhooks/carriers/generic"), ("POST", $"/api/webhooks/carriers/{token}"),
        ("POST", "/api/webhooks/shops/shopify"), ("POST", "/api/webhooks/shops/woocommerce"), ("POST", "/api/webhooks/shops/shopware"),
        ("POST", "/api/webhooks/twilio/status"), ("POST", "/api/webhooks/twilio/inbound"), ("POST", "/api/webhooks/acs/events"),
        ("GET", $"/track/{token}"), ("GET", $"/track/{token}/review"), ("POST", $"/track/{token}/cancel"), ("POST", $"/track/{token}/return"),
        ("POST", $"/track/{token}/rate"), ("POST", $"/track/{token}/consent"), ("GET", $"/assets/{token}"),
        ("GET", $"/l/{token}"), ("GET", $"/unsubscribe/{token}"), ("POST", $"/unsubscribe/{token}"),
        ("GET", "/"), ("GET", $"/orders/{token}"), ("POST", $"/orders/{token}/cancel"), ("POST", $"/orders/{token}/refund"),
        ("POST", $"/orders/{token}/resend"), ("GET", "/metrics"), ("GET", "/webhooks"), ("POST", $"/webhooks/{token}/replay"),
        ("GET", "/shops"), ("GET", "/login"), ("POST", "/login"), ("POST", "/logout"), ("GET", "/experiments"), ("GET", $"/experiments/{token}")));

    private static readonly Gen<string?> ContentType = Gen.Frequency((6, Pick(ContentTypes).Select(c => (string?)c)), (1, Gen.Const((string?)null)));

    /// <summary>One of <paramref name="items"/>; shrinks towards the first.</summary>
    private static Gen<T> Pick<T>(params T[] items) => Gen.Int[0, items.Length - 1].Select(i => items[i]);

    /// <summary>A hostile request: any route, any body, any content type, no credential, a forged one or the genuine one.</summary>
    public static readonly Gen<HostileRequest> Request = Gen.Select(Route, Body, ContentType, Pick(Credential.None, Credential.Forged, Credential.Genuine))
        .Select((route, body, contentType, credential) => new HostileRequest(route.Method, route.Path, body.Kind, body.Body, contentType, credential));
}
