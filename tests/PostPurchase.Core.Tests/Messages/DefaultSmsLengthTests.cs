using PostPurchase.Core.Messages;
using PostPurchase.Core.Timeline;

namespace PostPurchase.Core.Tests.Messages;

public class DefaultSmsLengthTests
{
    private const string LongCarrier = "DHL Parcel Europe International Express";
    private const string LongShop = "De Groene Natuurcosmetica Winkel van Amsterdam";
    private const int MeasuredTokenLength = 96;

    public static TheoryData<string, Intent> LocalesAndIntents => MessageScenario.LocalesAndIntents();

    [Theory]
    [MemberData(nameof(LocalesAndIntents))]
    public void Compose_DefaultSmsWithLongData_FitsTwoSegments(string locale, Intent intent)
    {
        var composer = new MessageComposer(new Branding { ShopName = LongShop });
        var order = MessageScenario.Order(locale) with { OrderId = "WEB-2026-0012345678" };
        var links = MessageScenario.Links with
        {
            TrackingUrl = "https://track.groene-natuurcosmetica.nl/t/Q2xPcDk3Zk1wTlhaR0s0dg",
            ReviewUrl = "https://track.groene-natuurcosmetica.nl/r/Q2xPcDk3Zk1wTlhaR0s0dg",
            CsatUrl = "https://track.groene-natuurcosmetica.nl/c/Q2xPcDk3Zk1wTlhaR0s0dg",
            // Marketing buttons are measured redirect links, longer than the tracking link.
            Measure = (_, _) => "https://track.groene-natuurcosmetica.nl/l/" + new string('Q', MeasuredTokenLength),
        };
        var facts = MessageScenario.Facts(intent, LongCarrier);
        facts["description"] = "Delivery attempted, recipient not available";

        var rendered = composer.Compose(MessageScenario.Message(intent, Channel.Sms, locale, facts), MessageScenario.State(order, LongCarrier), links);
        var length = SmsSegments.Count(rendered.Text);

        Assert.True(length.Segments <= 2, $"{locale} {intent}: {length} for \"{rendered.Text}\"");
        Assert.Contains(LongShop, rendered.Text, StringComparison.Ordinal);
    }
}
