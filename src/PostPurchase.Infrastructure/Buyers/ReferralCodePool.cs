using System.Net;
using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using PostPurchase.Infrastructure.Storage;

namespace PostPurchase.Infrastructure.Buyers;

/// <summary>Hands each buyer one code of the merchant's pool (table <c>ReferralCodes</c>, one row per code given out); a code is never given twice.</summary>
internal sealed class ReferralCodePool(StorageAccount storage)
{
    private const string Partition = "pool";

    /// <summary>The buyer's code from <paramref name="pool"/>: the one they already have, else the first free one; null when all are taken.</summary>
    /// <remarks>The search starts at a place derived from the buyer key, so buyers claiming at the same moment rarely try the same code.</remarks>
    public async Task<string?> ClaimAsync(string buyerKey, IReadOnlyList<string> pool, CancellationToken cancellationToken)
    {
        var codes = pool.Where(c => !string.IsNullOrWhiteSpace(c)).Select(c => c.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count == 0)
        {
            return null;
        }
        var start = (int)(BitConverter.ToUInt32(SHA256.HashData(Encoding.UTF8.GetBytes(buyerKey)), 0) % (uint)codes.Count);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[(start + i) % codes.Count];
            try
            {
                await storage.ReferralCodes.AddEntityAsync(new TableEntity(Partition, KeyEncoder.Encode(code)) { ["Code"] = code, ["BuyerKey"] = buyerKey }, cancellationToken)
                    .ConfigureAwait(false);
                return code;
            }
            catch (RequestFailedException ex) when (ex.Status == (int)HttpStatusCode.Conflict)
            {
                var taken = await storage.ReferralCodes.GetEntityIfExistsAsync<TableEntity>(Partition, KeyEncoder.Encode(code), cancellationToken: cancellationToken)
                    .ConfigureAwait(false);
                if (taken.HasValue && taken.Value!.GetString("BuyerKey") == buyerKey)
                {
                    return code; // claimed by an earlier attempt of this buyer
                }
            }
        }
        return null;
    }

    /// <summary>Unlinks the buyer's code from them (erasure); the code stays taken, since it went out in a message.</summary>
    public async Task ForgetAsync(string code, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(Partition, KeyEncoder.Encode(code)) { ["Code"] = code, ["BuyerKey"] = "" };
        await storage.ReferralCodes.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }
}
