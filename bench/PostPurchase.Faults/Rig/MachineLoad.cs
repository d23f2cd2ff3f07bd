using System.Globalization;

namespace PostPurchase.Faults.Rig;

/// <summary>The machine's load average (1, 5 and 15 minutes), printed beside every figure: the machine may be shared.</summary>
internal static class MachineLoad
{
    public static string Now()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ');
            return string.Create(CultureInfo.InvariantCulture, $"{parts[0]} / {parts[1]} / {parts[2]}");
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
