using System.Text;
using PostPurchase.Core.Serialization;
using PostPurchase.Core.Timeline;
using PostPurchase.Core.Tracking;

namespace PostPurchase.Web.Pages.Tracking;

/// <summary>The status timeline of each parcel: steps from placed to delivered, then every carrier scan, newest first.</summary>
internal static class TrackingTimelineRenderer
{
    private static readonly string[] Steps = ["placed", "shipped", "in-transit", "out-for-delivery", "delivered"];

    public static void Render(StringBuilder html, TrackingPageModel model)
    {
        var t = model.Text;
        var state = model.State;
        if (state.Parcels.Count == 0)
        {
            html.Append("<section class=\"card\" aria-labelledby=\"parcel-h\"><h2 id=\"parcel-h\">").Append(Html.E(t["step.placed"])).Append("</h2>")
                .Append(StepList(model, reached: 0, exception: false, state.Order.PlacedAt, null));
            if (state.Status == OrderStatus.Confirmed)
            {
                html.Append("<p>").Append(Html.E(t["notShippedYet"])).Append("</p>");
            }
            html.Append("</section>");
            return;
        }
        for (var i = 0; i < state.Parcels.Count; i++)
        {
            Parcel(html, model, state.Parcels[i], i + 1, state.Parcels.Count);
        }
    }

    private static void Parcel(StringBuilder html, TrackingPageModel model, ParcelState parcel, int number, int count)
    {
        var t = model.Text;
        var id = $"parcel-{number}";
        var exception = parcel.Status is TrackingStatus.Exception or TrackingStatus.FailedAttempt or TrackingStatus.ReturnedToSender;
        html.Append("<section class=\"card parcel\" aria-labelledby=\"").Append(id).Append("-h\" data-testid=\"parcel\" data-parcel=\"").Append(Html.E(parcel.Key))
            .Append("\" data-status=\"").Append(WireName.Of(parcel.Status)).Append("\"><h2 id=\"").Append(id).Append("-h\">")
            .Append(Html.E(t.Format("parcel", number, count))).Append(" · ").Append(Html.E(parcel.Carrier)).Append("</h2>")
            .Append("<p class=\"muted\">").Append(Html.E(parcel.TrackingNumber)).Append("</p>")
            .Append(StepList(model, Reached(parcel.Status), exception, model.State.Order.PlacedAt, parcel));
        if (parcel.LastScanAt is { } last && parcel.DeliveredAt is null)
        {
            var text = parcel.LastLocation is null
                ? t.Format("lastScan", model.DateTime(last))
                : t.Format("lastScanAt", model.DateTime(last), parcel.LastLocation);
            html.Append("<p data-testid=\"last-scan\">").Append(Html.E(text)).Append("</p>");
        }
        if (parcel.CarrierTrackingUrl is not null)
        {
            html.Append("<p><a href=\"").Append(Html.Url(parcel.CarrierTrackingUrl)).Append("\" rel=\"noopener noreferrer\" data-testid=\"carrier-link\">")
                .Append(Html.E(t.Format("carrierLink", parcel.Carrier))).Append("</a></p>");
        }
        var events = model.State.Events.Where(e => e.ParcelKey == parcel.Key).OrderByDescending(e => e.OccurredAt).ToList();
        if (events.Count > 0)
        {
            html.Append("<details open><summary>").Append(Html.E(t["history"])).Append("</summary><ol class=\"events\">");
            foreach (var e in events)
            {
                html.Append("<li data-testid=\"event\" data-event-id=\"").Append(Html.E(e.EventId)).Append("\" data-status=\"").Append(WireName.Of(e.Status)).Append("\">")
                    .Append("<time datetime=\"").Append(e.OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append("\">")
                    .Append(Html.E(model.DateTime(e.OccurredAt))).Append("</time> <span>").Append(Html.E(StatusText(t, e.Status) ?? e.Description ?? e.RawStatus)).Append("</span>");
                if (e.Description is not null && StatusText(t, e.Status) is not null)
                {
                    html.Append(" <span class=\"muted\">").Append(Html.E(e.Description)).Append("</span>");
                }
                if (e.Location is not null)
                {
                    html.Append(" <span class=\"muted\">· ").Append(Html.E(e.Location)).Append("</span>");
                }
                html.Append("</li>");
            }
            html.Append("</ol></details>");
        }
        html.Append("</section>");
    }

    private static string StepList(TrackingPageModel model, int reached, bool exception, DateTimeOffset placedAt, ParcelState? parcel)
    {
        var t = model.Text;
        var list = new StringBuilder("<ol class=\"steps\">");
        for (var i = 0; i < Steps.Length; i++)
        {
            var done = i <= reached;
            var current = i == reached;
            var isProblem = exception && current;
            var label = isProblem ? t["step.exception"] : t[$"step.{Steps[i]}"];
            list.Append("<li class=\"").Append(done ? "done" : "todo").Append(isProblem ? " problem" : "").Append("\" data-step=\"").Append(Steps[i]).Append('"')
                .Append(current ? " aria-current=\"step\"" : "").Append("><span class=\"dot\" aria-hidden=\"true\"></span><span>").Append(Html.E(label)).Append("</span>");
            var at = i switch
            {
                0 => placedAt,
                1 => parcel?.FirstScanAt,
                4 => parcel?.DeliveredAt,
                _ => null,
            };
            if (done && at is { } when)
            {
                list.Append(" <span class=\"muted\">").Append(Html.E(model.Date(when))).Append("</span>");
            }
            list.Append("</li>");
        }
        return list.Append("</ol>").ToString();
    }

    private static int Reached(TrackingStatus status) => status switch
    {
        TrackingStatus.Unknown or TrackingStatus.InfoReceived => 0,
        TrackingStatus.InTransit or TrackingStatus.Exception or TrackingStatus.ReturnedToSender or TrackingStatus.Expired => 2,
        TrackingStatus.OutForDelivery or TrackingStatus.FailedAttempt or TrackingStatus.AvailableForPickup => 3,
        TrackingStatus.Delivered => 4,
        _ => 0,
    };

    private static string? StatusText(PageText t, TrackingStatus status) => status switch
    {
        TrackingStatus.Unknown => null,
        _ => t[$"event.{WireName.Of(status)}"],
    };
}
