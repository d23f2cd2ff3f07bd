using PostPurchase.Faults.Rig;
using PostPurchase.Testing.Hostile;

namespace PostPurchase.Faults.Cases;

/// <summary>The hostile case's counts, and the first few requests that broke a promise, for a regular test to keep.</summary>
internal sealed class HostileTally
{
    /// <summary>Stands for "the runtime closed the connection while a huge body was still being written".</summary>
    public const int ClosedOnHugeBody = 0;

    /// <summary>Stands for "no answer twice over": the runtime broke the connection on a request it could have read.</summary>
    public const int NoAnswer = -1;

    private readonly List<string> _examples = [];

    public int Sent { get; private set; }

    public int Replays { get; private set; }

    public int Accepted { get; private set; }

    public int Refused { get; private set; }

    public int ServerErrors { get; private set; }

    public int Closed { get; private set; }

    public int Unanswered { get; private set; }

    public int StoredFromRefused { get; private set; }

    public IReadOnlyList<string> Examples => _examples;

    public string Summary => $"{Accepted} / {Refused} / {ServerErrors} / {Closed} / {Unanswered}";

    /// <summary>Counts one answer and holds storage to account for it.</summary>
    public async Task CountAsync(HostileRequest hostile, int status, StorageWatch watch, bool replay)
    {
        Sent++;
        Replays += replay ? 1 : 0;
        var label = replay ? $"replayed {hostile}" : hostile.ToString();
        switch (status)
        {
            case ClosedOnHugeBody:
                Closed++;
                break;
            case NoAnswer:
                Unanswered++;
                Note($"no answer for {label}");
                break;
            case >= 500:
                ServerErrors++;
                Note($"{status} for {label}");
                break;
            case >= 400:
                Refused++;
                break;
            default:
                Accepted++;
                await watch.AfterAcceptanceAsync();
                return;
        }
        var grown = await watch.AfterRefusalAsync();
        if (grown.Count > 0)
        {
            StoredFromRefused += grown.Sum(g => g.Grown);
            Note($"{status} for {label}, yet stored {string.Join(", ", grown.Select(g => $"{g.Store} +{g.Grown}"))}");
        }
    }

    private void Note(string example)
    {
        if (_examples.Count < 20)
        {
            _examples.Add(example);
        }
        Console.WriteLine($"  ! {example}");
    }
}
