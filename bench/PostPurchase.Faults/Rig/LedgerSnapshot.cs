namespace PostPurchase.Faults.Rig;

/// <summary>The stand-ins' counters at one moment, to tell one part's figures from the others'.</summary>
internal sealed record LedgerSnapshot(long EmailsRefused, long TextsRefused, int Delivered, int Duplicates, int Emails)
{
    public static LedgerSnapshot Of(FaultRig rig) => new(rig.Emails.Refused, rig.Texts.Refused, rig.Emails.Delivered + rig.Texts.Delivered,
        rig.Emails.Duplicates + rig.Texts.Duplicates, rig.Emails.Delivered);
}
