using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>Lists orders for the dashboard (the read model store only finds one order by id).</summary>
public interface IOrderCatalog
{
    /// <summary>The newest orders first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<OrderSnapshot>> ListAsync(int max, CancellationToken cancellationToken);
}
