using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Messages;

/// <summary>Per intent: which items a message lists ("list") and where its button goes ("cta.url").</summary>
internal static class IntentProfile
{
    public static object List(Intent intent, IReadOnlyDictionary<string, object?> model) => intent switch
    {
        Intent.ReviewRequest or Intent.ReviewReminder or Intent.ReplenishmentReminder => model["review_items"]!,
        Intent.ReferralInvite => new List<object?>(),
        Intent.ReturnInstructions => model["return_items"]!,
        Intent.CsatSurvey => new List<object?>(),
        _ when IsPerParcel(intent) && Get(model, "parcel", "present") is true => Get(model, "parcel", "items")!,
        _ => Get(model, "order", "items")!,
    };

    /// <summary>The button's link: the message's call to action (measured for marketing, see <c>links.action</c>).</summary>
    public static string CallToAction(IReadOnlyDictionary<string, object?> model) => (string)Get(model, "links", "action")!;

    public static bool IsPerParcel(Intent intent) => intent is Intent.Shipped or Intent.OutForDelivery or Intent.Delivered
        or Intent.DeliveryFailedAttempt or Intent.AvailableForPickup or Intent.DeliveryException or Intent.ReturnedToSender;

    private static object? Get(IReadOnlyDictionary<string, object?> model, string section, string key) =>
        ((Dictionary<string, object?>)model[section]!)[key];
}
