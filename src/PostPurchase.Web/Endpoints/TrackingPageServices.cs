using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;
using PostPurchase.Infrastructure.Configuration;
using PostPurchase.Infrastructure.Links;
using PostPurchase.Infrastructure.MerchantWebhooks;
using PostPurchase.Infrastructure.Studio;
using PostPurchase.Infrastructure.Workflows;
using PostPurchase.Web.Pages;
using PostPurchase.Web.Pages.Tracking;

namespace PostPurchase.Web.Endpoints;

/// <summary>The services every tracking-page handler uses, resolved from the request.</summary>
internal sealed class TrackingPageServices(HttpContext context)
{
    private readonly IServiceProvider _services = context.RequestServices;

    public CustomerLinks Links => _services.GetRequiredService<CustomerLinks>();
    public IOrderWorkflows Workflows => _services.GetRequiredService<IOrderWorkflows>();
    public IMerchantWebhooks Webhooks => _services.GetRequiredService<IMerchantWebhooks>();
    public IAntiforgery Antiforgery => _services.GetRequiredService<IAntiforgery>();
    public PageRateLimiter Limiter => _services.GetRequiredService<PageRateLimiter>();
    public PostPurchaseOptions Options => _services.GetRequiredService<IOptions<PostPurchaseOptions>>().Value;
    public PagesOptions Pages => _services.GetRequiredService<IOptions<PagesOptions>>().Value;
    public TimeProvider Time => _services.GetRequiredService<TimeProvider>();

    /// <summary>The studio settings version in force, read by <see cref="FindAsync"/>: the page's branding and policy.</summary>
    public LiveSettings? Live { get; private set; }

    public Core.Messages.Branding Branding => Live?.Branding ?? Options.Branding;

    public Core.Policies.TimelinePolicy Policy => Live?.Policy ?? Options.Policy;

    /// <summary>The order behind <paramref name="token"/>; null for a forged, damaged or expired token or an unknown order.</summary>
    public async Task<OrderSnapshot?> FindAsync(string token, CancellationToken cancellationToken)
    {
        Live = await _services.GetRequiredService<IStudioSettings>().CurrentAsync(cancellationToken).ConfigureAwait(false);
        return Links.TryReadToken(token, out var orderId) ? await Workflows.GetAsync(orderId, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>
    /// True when <paramref name="token"/> is genuine and was made so recently that its order may still be on its way from intake to
    /// the read model (intake answers before the timeline has applied the order, and a shop may send the buyer to the link at once).
    /// </summary>
    public bool IsFresh(string token) =>
        Links.TryReadToken(token, out _, out var issuedAt) && Time.GetUtcNow() - issuedAt < PendingOrderPage.Window;

    /// <summary>The page model, with a fresh anti-forgery token for its forms.</summary>
    public TrackingPageModel Model(OrderSnapshot snapshot, string token, string? lang, string? notice = null)
    {
        var tokens = Antiforgery.GetAndStoreTokens(context);
        var locale = PageText.IsSupported(lang) ? lang! : snapshot.State.Order.Customer.Locale;
        return new TrackingPageModel(
            snapshot.State, Branding, Policy, Pages, Time.GetUtcNow(), locale,
            $"/track/{token}", new AntiforgeryField(tokens.FormFieldName, tokens.RequestToken!), notice,
            TrackingGrowth.For(snapshot.State, Policy, Links.Measured));
    }
}
