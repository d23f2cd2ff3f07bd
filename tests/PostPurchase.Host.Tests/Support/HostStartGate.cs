namespace PostPurchase.Host.Tests.Support;

/// <summary>
/// Starts one test host at a time. A factory finds the app's host by listening for the next host being built anywhere in the
/// process, so two factories starting at once can take each other's host (seen as a host disposed under a starting test).
/// </summary>
internal static class HostStartGate
{
    private static readonly Lock Gate = new();

    public static void Start(Action start)
    {
        lock (Gate)
        {
            start();
        }
    }
}
