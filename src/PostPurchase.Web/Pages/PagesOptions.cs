namespace PostPurchase.Web.Pages;

/// <summary>The <c>PostPurchase:Pages</c> section: what the tracking page offers and how hard it may be hit.</summary>
public sealed class PagesOptions
{
    /// <summary>The section name.</summary>
    public const string Section = "PostPurchase:Pages";

    /// <summary>Extra value offered as store credit instead of a refund, in percent (e.g. 10 = "+10%"); 0 hides the bonus.</summary>
    public int StoreCreditBonusPercent { get; set; } = 10;

    /// <summary>Whether an exchange is offered (it is shown first when it is).</summary>
    public bool OfferExchange { get; set; } = true;

    /// <summary>Tracking page requests per client address per minute.</summary>
    public int PageRequestsPerMinute { get; set; } = 120;

    /// <summary>Tracking page actions (POSTs) per client address per minute.</summary>
    public int ActionsPerMinute { get; set; } = 20;

    /// <summary>Version of the consent wording on the page, stored with every change as proof.</summary>
    public string ConsentWordingVersion { get; set; } = "tracking-page-v1";
}
