using System.Diagnostics;
using Azure.Data.Tables;
using PostPurchase.Core.Timeline;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Load;

/// <summary>
/// Writes finished orders straight into the layout the engine leaves them in: one transaction per order partition holding its
/// completed state row (no open-orders index entries) and three settled <c>msg|</c> rows, many partitions at a time.
/// </summary>
internal static class FinishedSeed
{
    private const int Parallelism = 48;
    private const int ProgressEvery = 5_000;
    private static readonly Intent[] Sent = [Intent.OrderConfirmation, Intent.Shipped, Intent.Delivered];

    /// <summary>Seeds finished orders <paramref name="from"/> to <paramref name="to"/> (exclusive) shaped like <paramref name="template"/> (a state the engine committed).</summary>
    public static async Task SeedAsync(TableClient orders, LoadedState template, DateTimeOffset now, int from, int to)
    {
        var first = template.State.Messages[0];
        var messages = Sent.Select((intent, i) => first with
        {
            Intent = intent,
            Status = MessageStatus.Sent,
            SentAt = now.AddDays(i - 10),
            ProviderMessageId = $"provider-{intent}",
        }).ToArray();
        var finished = template.State with { Status = OrderStatus.Delivered, Completed = true, NextWakeAt = null, DeliveredAt = now.AddDays(-8), Messages = messages };
        IReadOnlyList<string> applied(string orderId) => [.. template.AppliedInputs.Select(a => a.Replace(template.OrderId, orderId, StringComparison.Ordinal))];
        var watch = Stopwatch.StartNew();
        var progress = new SeedProgress(from);
        var done = from;
        await Parallel.ForEachAsync(Enumerable.Range(from, to - from), new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, async (i, ct) =>
        {
            var orderId = $"finished-{i:D7}";
            var state = finished with { Order = finished.Order with { OrderId = orderId } };
            var actions = new List<TableTransactionAction>
            {
                // The engine adds the state row on the first decision; history written once is an insert as well.
                new(TableTransactionActionType.Add, StateRow.ToEntity(orderId, state, applied(orderId), [], OpenKinds.None)),
            };
            // Message keys carry the order id, as the planner makes them.
            actions.AddRange(messages.Select(m => new TableTransactionAction(TableTransactionActionType.Add,
                MessageRow.ToEntity(orderId, m with { Key = MessageKey.For(orderId, m.Intent, m.Channel) }, null, "Buyer"))));
            await orders.SubmitTransactionAsync(actions, ct);
            if (Interlocked.Increment(ref done) is var n && (n % ProgressEvery == 0 || n == to))
            {
                progress.Report(n, watch.Elapsed);
            }
        });
    }
}
