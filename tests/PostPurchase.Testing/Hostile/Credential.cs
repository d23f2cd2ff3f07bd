namespace PostPurchase.Testing.Hostile;

/// <summary>How a hostile request presents itself: no credential, a forged one, or the real one over a body that is still bad.</summary>
public enum Credential
{
    None,
    Forged,
    Genuine,
}
