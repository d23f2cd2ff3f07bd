using PostPurchase.Core.Policies;
using PostPurchase.Core.Timeline;
using PostPurchase.Web.Pages.Tracking;
using PostPurchase.Testing;

namespace PostPurchase.Web.Tests.Pages;

public sealed class TrackingPageActionsTests
{
    private static readonly TimelinePolicy Policy = TimelinePolicy.Default;

    [Fact]
    public void Cancel_NothingShipped_CustomerCancellationAndSignal()
    {
        var result = TrackingPageActions.Cancel(States.Confirmed(), Policy, Some.Monday);

        var input = Assert.IsType<OrderCancelled>(Assert.Single(result.Action!.Inputs));
        Assert.Equal("customer", input.Source);
        Assert.Equal(SignalKind.CancellationRequested, result.Action.Signal!.Kind);
    }

    [Fact]
    public void Cancel_AfterFirstScan_Refused()
    {
        var result = TrackingPageActions.Cancel(States.Shipped(), Policy, Some.Monday.AddDays(2));

        Assert.Null(result.Action);
        Assert.Equal("error.notAllowed", result.ErrorKey);
    }

    [Theory]
    [InlineData(new[] { "NOPE" }, "damaged", "refund", "error.noItems")]
    [InlineData(new string[0], "damaged", "refund", "error.noItems")]
    [InlineData(new[] { "HP-200" }, "bored", "refund", "error.badReason")]
    [InlineData(new[] { "HP-200" }, "damaged", "cash", "error.badResolution")]
    public void Return_BadForm_RefusedWithReason(string[] skus, string reason, string resolution, string error)
    {
        var result = TrackingPageActions.Return(States.Delivered(), Policy, Some.Monday.AddDays(4), skus, reason, resolution);

        Assert.Equal(error, result.ErrorKey);
    }

    [Fact]
    public void Return_WithinWindow_ReturnRequestedAndSignal()
    {
        var result = TrackingPageActions.Return(States.Delivered(), Policy, Some.Monday.AddDays(4), ["HP-200"], "damaged", "exchange");

        var input = Assert.IsType<ReturnRequested>(Assert.Single(result.Action!.Inputs));
        Assert.Equal(["HP-200"], input.Skus);
        Assert.Equal("exchange", input.Resolution);
        Assert.Equal("exchange", result.Action.Signal!.Data["resolution"]);
    }

    [Fact]
    public void Return_BeforeDelivery_Refused()
    {
        Assert.Equal("error.notAllowed", TrackingPageActions.Return(States.Shipped(), Policy, Some.Monday.AddDays(2), ["HP-200"], "damaged", "refund").ErrorKey);
    }

    [Theory]
    [InlineData("2", true)]
    [InlineData("3", true)]
    [InlineData("4", false)]
    [InlineData("5", false)]
    public void Rate_Score_SupportFollowUpOnlyWhenLow(string score, bool followUp)
    {
        var result = TrackingPageActions.Rate(States.Delivered(), Policy, Some.Monday.AddDays(4), score, " Slow ");

        var input = Assert.IsType<CsatAnswered>(Assert.Single(result.Action!.Inputs));
        Assert.Equal("Slow", input.Comment);
        Assert.Equal(followUp, result.Action.Signal?.Kind == SignalKind.SupportFollowUp);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("6")]
    [InlineData("x")]
    [InlineData(null)]
    public void Rate_InvalidScore_Refused(string? score)
    {
        Assert.Equal("error.badScore", TrackingPageActions.Rate(States.Delivered(), Policy, Some.Monday.AddDays(4), score, null).ErrorKey);
    }

    [Fact]
    public void Consent_OptOutOfSms_OneInputWithProofSource()
    {
        var result = TrackingPageActions.Consent(States.Confirmed(), sms: false, whatsApp: false, "tracking-page-v1");

        var input = Assert.IsType<ConsentChanged>(Assert.Single(result.Action!.Inputs));
        Assert.Equal(("sms", false, "tracking-page", "tracking-page-v1"), (input.Subject, input.Granted, input.Source, input.WordingVersion));
    }

    [Fact]
    public void Consent_Unchanged_NoInputs()
    {
        var result = TrackingPageActions.Consent(States.Confirmed(), sms: true, whatsApp: false, "v1");

        Assert.Empty(result.Action!.Inputs);
    }
}
