using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PostPurchase.Core.Messages;
using PostPurchase.Core.Policies;
using PostPurchase.Core.Studio;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Storage;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Tests.Storage;
using PostPurchase.Testing;
using PostPurchase.Testing.Azurite;

namespace PostPurchase.Infrastructure.Tests.Studio;

[Collection(AzuriteCollection.Name)]
public sealed class StudioSettingsServiceTests(AzuriteServer azurite)
{
    private readonly FakeTimeProvider _time = new(Some.Monday);
    private readonly FakeTimeProvider _refresh = new(Some.Monday);
    private readonly string _prefix = "s" + Guid.NewGuid().ToString("N")[..10];

    private StudioSettingsService Service(PostPurchaseOptions? options = null) => new(
        new SettingsStore(new StorageAccount(azurite.ConnectionString, new StorageRequestCounter(), _prefix)),
        Options.Create(options ?? new PostPurchaseOptions { Branding = new Branding { ShopName = "Configured" } }), _time, _refresh);

    private static StudioSettings WithSubject(StudioSettings settings, string subject) =>
        settings with { Templates = new Dictionary<string, string>(settings.Templates) { ["shipped.email.nl.subject"] = subject } };

    [Fact]
    public async Task CurrentAsync_NothingSaved_ConfigurationIsVersionZero()
    {
        var live = await Service().CurrentAsync(CancellationToken.None);

        Assert.Equal(0, live.Version);
        Assert.Null(live.Policy.SettingsVersion);
        Assert.Equal("Configured", live.Branding.ShopName);
    }

    [Fact]
    public async Task SaveAsync_TwoSaves_VersionsWithWhoWhenAndDiff()
    {
        var service = Service();
        var first = await service.SaveAsync(WithSubject(new StudioSettings(), "Een"), "API key 1a2b3c4d", "Saved in the studio", 0, CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(5));

        var second = await service.SaveAsync(WithSubject(first.Saved!.Settings, "Twee"), "Anna (API key 1a2b3c4d)", "Saved in the studio", 1, CancellationToken.None);

        Assert.Equal((1, 2), (first.Saved.Version, second.Saved!.Version));
        var history = await service.HistoryAsync(10, CancellationToken.None);
        Assert.Equal([2, 1, 0], history.Select(h => h.Version));
        Assert.Equal(("Anna (API key 1a2b3c4d)", Some.Monday.AddMinutes(5)), (history[0].SavedBy, history[0].SavedAt));
        var change = Assert.Single(SettingsDiff.Between(history[1].Settings, history[0].Settings));
        Assert.Equal(new SettingsChange("templates.shipped.email.nl.subject", "Een", "Twee"), change);
        var live = await service.CurrentAsync(CancellationToken.None);
        Assert.Equal((2, 2), (live.Version, live.Policy.SettingsVersion));
    }

    [Fact]
    public async Task SaveAsync_InvalidDocument_RefusedAndNothingSaved()
    {
        var service = Service();
        var broken = WithSubject(new StudioSettings(), "{% if %}");

        var outcome = await service.SaveAsync(broken, "API key x", "Saved in the studio", 0, CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Equal("templates.shipped.email.nl.subject", Assert.Single(outcome.Errors).Path);
        Assert.Equal([0], (await service.HistoryAsync(10, CancellationToken.None)).Select(h => h.Version));
    }

    [Fact]
    public async Task SaveAsync_EditorStartedFromAnOlderVersion_ConflictAndNothingSaved()
    {
        var service = Service();
        await service.SaveAsync(WithSubject(new StudioSettings(), "Een"), "API key a", "Saved in the studio", 0, CancellationToken.None);

        var late = await service.SaveAsync(WithSubject(new StudioSettings(), "Ander"), "API key b", "Saved in the studio", 0, CancellationToken.None);

        Assert.Equal(1, late.ConflictWith);
        Assert.Equal(1, (await service.CurrentAsync(CancellationToken.None)).Version);
    }

    [Fact]
    public async Task SaveAsync_SameDocumentAgain_NoNewVersion()
    {
        var service = Service();
        var first = await service.SaveAsync(WithSubject(new StudioSettings(), "Een"), "API key a", "Saved in the studio", null, CancellationToken.None);

        var again = await service.SaveAsync(first.Saved!.Settings, "API key a", "Saved in the studio", null, CancellationToken.None);

        Assert.False(again.Changed);
        Assert.Equal(1, again.Saved!.Version);
    }

    [Fact]
    public async Task RevertAsync_ToAnOlderVersion_NewVersionWithItsDocument()
    {
        var service = Service();
        var one = await service.SaveAsync(WithSubject(new StudioSettings(), "Een"), "API key a", "Saved in the studio", null, CancellationToken.None);
        await service.SaveAsync(WithSubject(one.Saved!.Settings, "Twee"), "API key a", "Saved in the studio", null, CancellationToken.None);

        var reverted = await service.RevertAsync(1, "API key b", CancellationToken.None);

        Assert.Equal(3, reverted.Saved!.Version);
        Assert.Equal("Reverted to version 1", reverted.Saved.Note);
        Assert.Empty(SettingsDiff.Between(one.Saved.Settings, reverted.Saved.Settings));
        Assert.Equal("Een", (await service.CurrentAsync(CancellationToken.None)).Stored.Settings.Templates["shipped.email.nl.subject"]);
    }

    [Fact]
    public async Task RevertAsync_ToVersionZero_ConfigurationAgain()
    {
        var service = Service();
        await service.SaveAsync(new StudioSettings { Branding = new Branding { ShopName = "Studio" } }, "API key a", "Saved in the studio", null, CancellationToken.None);

        var reverted = await service.RevertAsync(0, "API key a", CancellationToken.None);

        Assert.Equal("Configured", reverted.Saved!.Settings.Branding.ShopName);
    }

    [Fact]
    public async Task CurrentAsync_OtherProcessSaved_SeenAfterTheRefreshInterval()
    {
        var reader = Service();
        var writer = Service();
        Assert.Equal(0, (await reader.CurrentAsync(CancellationToken.None)).Version);
        await writer.SaveAsync(WithSubject(new StudioSettings(), "Een"), "API key a", "Saved in the studio", null, CancellationToken.None);

        var before = await reader.CurrentAsync(CancellationToken.None);
        _refresh.Advance(TimeSpan.FromSeconds(5));
        var after = await reader.CurrentAsync(CancellationToken.None);

        Assert.Equal((0, 1), (before.Version, after.Version));
        var shipped = Core.Studio.StudioPreview.Render(after.Composer, Core.Timeline.Intent.Shipped, Core.Timeline.Channel.Email, "nl");
        Assert.Equal("Een", shipped.Subject);
    }

    [Fact]
    public async Task CurrentAsync_SavedPolicyFromJson_CategoryLookupIgnoresCase()
    {
        var service = Service();
        var review = new ReviewPolicy { CategoryDays = new() { ["skincare"] = 14 } };
        await service.SaveAsync(new StudioSettings { Policy = new TimelinePolicy { Review = review } }, "API key a", "Saved in the studio", null, CancellationToken.None);
        var fresh = Service();

        var policy = (await fresh.CurrentAsync(CancellationToken.None)).Policy;

        Assert.Equal(14, ReviewTiming.DaysFor(new Core.Orders.OrderItem("S", "Serum", "SkinCare", 1, 1m), policy.Review));
    }
}
