using PostPurchase.Core.Growth;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Testing;
using PostPurchase.Web.Pages.Dashboard.Experiments;

namespace PostPurchase.Web.Tests.Pages.Dashboard.Experiments;

public sealed class ExperimentReportTests
{
    private static readonly Experiment Test = new()
    {
        Id = "reminder-copy",
        Intent = Intent.ReplenishmentReminder,
        Arms = [new() { Name = "control" }, new() { Name = "urgent" }, new() { Name = "holdout", Holdout = true }],
    };

    private static readonly DateTimeOffset SentAt = Some.Monday.AddDays(60);

    /// <summary>An order in <paramref name="arm"/> whose reminder went out (or was held), with what the buyer did after.</summary>
    private static OrderSnapshot Order(string arm, bool clicked = false, decimal? reorder = null, bool attributed = true, bool opened = false)
    {
        var order = OrderBuilder.Skincare().Build();
        var key = MessageKey.For(order.OrderId, Intent.ReplenishmentReminder, Channel.Email, "SERUM-30");
        var holdout = arm == "holdout";
        var message = new TimelineMessage(key, Intent.ReplenishmentReminder, Channel.Email, "anna@example.com", "nl", MessagePurpose.Promotion, false,
            holdout ? MessageStatus.Suppressed : MessageStatus.Sent, SentAt, SentAt, holdout ? SuppressionReason.Holdout : null,
            SentAt: holdout ? null : SentAt, OpenedAt: opened ? SentAt.AddHours(1) : null);
        var state = new TimelineState
        {
            Order = order,
            Consent = new ConsentState(false, false, true, false, false, []),
            Messages = [message],
            Experiments = [new ExperimentAssignment(Test.Id, arm)],
            Clicks = clicked ? [new LinkClick(key, "cta", SentAt.AddHours(2))] : [],
            Reorders = reorder is { } total ? [new Reorder($"NEXT-{order.OrderId}", SentAt.AddDays(1), ["SERUM-30"], total, "EUR", attributed && clicked)] : [],
        };
        return new OrderSnapshot(state, [new MessageRecord(message, "subject", "body")]);
    }

    [Fact]
    public void Compute_OrdersInEachArm_CountsSendsOpensClicksReordersAndAttributedRevenue()
    {
        OrderSnapshot[] orders =
        [
            Order("control", clicked: true, reorder: 30m, opened: true), Order("control"),
            Order("urgent", clicked: true, reorder: 40m), Order("urgent", clicked: true), Order("urgent", reorder: 25m),
            Order("holdout", reorder: 35m), Order("holdout"),
            new OrderSnapshot(Order("control").State with { Experiments = [] }, []),
        ];

        var report = ExperimentReport.Compute(Test, orders, 14);

        var control = report.Arms[0];
        Assert.Equal(("control", 2, 2, 2, 1, 1, 1), (control.Arm, control.Orders, control.Exposed, control.Sends, control.Opens, control.Clicks, control.Reorders));
        Assert.Equal(30m, control.Revenue["EUR"]);
        var urgent = report.Arms[1];
        Assert.Equal((3, 3, 2, 2), (urgent.Sends, urgent.Exposed, urgent.Clicks, urgent.Reorders));
        Assert.Equal(40m, urgent.Revenue["EUR"]);
        var holdout = report.Arms[2];
        Assert.Equal((true, 2, 0, 0, 1), (holdout.Holdout, holdout.Exposed, holdout.Sends, holdout.Clicks, holdout.Reorders));
        Assert.Empty(holdout.Revenue);
        Assert.All(report.Comparisons, c => Assert.StartsWith("Too early to tell", c.Sentence, StringComparison.Ordinal));
    }

    [Fact]
    public void Compute_ManyOrdersAndAClearLift_SaysTheDifferenceIsReal()
    {
        var orders = Enumerable.Range(0, 400).Select(i => Order("control", reorder: i < 40 ? 20m : null))
            .Concat(Enumerable.Range(0, 400).Select(i => Order("urgent", reorder: i < 80 ? 20m : null)))
            .Concat(Enumerable.Range(0, 400).Select(i => Order("holdout", reorder: i < 38 ? 20m : null)));

        var report = ExperimentReport.Compute(Test, orders, 14);

        var urgent = report.Comparisons.Single(c => c.Arm == "urgent");
        Assert.True(urgent.Real);
        Assert.Equal("The difference is real: urgent converts 20.0% against 10.0% for control (reorder, p < 0.001).", urgent.Sentence);
        var holdout = report.Comparisons.Single(c => c.Arm == "holdout");
        Assert.False(holdout.Real);
        Assert.StartsWith("No real difference yet: holdout converts 9.5% against 10.0% for control", holdout.Sentence, StringComparison.Ordinal);
    }
}
