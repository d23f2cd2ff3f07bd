using Azure.Data.Tables;
using PostPurchase.Infrastructure.Workflows;

namespace PostPurchase.Web.Pages.Dashboard;

/// <summary>Finds orders by their <c>state</c> rows in table <c>Orders</c> and reads each through the read model store.</summary>
internal sealed class TableOrderCatalog(TableClient orders, IOrderReadModelStore store) : IOrderCatalog
{
    private readonly TableClient _orders = orders;

    public async Task<IReadOnlyList<OrderSnapshot>> ListAsync(int max, CancellationToken cancellationToken)
    {
        var ids = new List<string>();
        try
        {
            await foreach (var row in _orders.QueryAsync<TableEntity>("RowKey eq 'state'", select: ["OrderId"], cancellationToken: cancellationToken))
            {
                if (row.GetString("OrderId") is { } id)
                {
                    ids.Add(id);
                }
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
        var snapshots = new List<OrderSnapshot>(ids.Count);
        foreach (var chunk in ids.Chunk(16))
        {
            var loaded = await Task.WhenAll(chunk.Select(id => store.GetAsync(id, cancellationToken)));
            snapshots.AddRange(loaded.OfType<OrderSnapshot>());
        }
        return snapshots.OrderByDescending(s => s.State.Order.PlacedAt).Take(max).ToList();
    }
}
