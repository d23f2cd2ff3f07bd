using PostPurchase.Core.Studio;

namespace PostPurchase.Infrastructure.Studio;

/// <summary>One saved version of the studio settings: the whole document, who saved it, when and why. Version 0 is the configuration file.</summary>
/// <param name="SavedBy">"API key 3f2a9c1b" or "Anna (API key 3f2a9c1b)"; "configuration" for version 0.</param>
/// <param name="Note">What the save was: "Saved in the studio", "Imported", "Reverted to version 3".</param>
public sealed record StoredSettings(int Version, StudioSettings Settings, string SavedBy, DateTimeOffset? SavedAt, string Note);

/// <summary>What a save did: the new version, or the errors that refused it (nothing saved), or a conflict with a newer version.</summary>
/// <param name="Changed">False when the document equals the current version: nothing new was saved.</param>
/// <param name="ConflictWith">The newer current version when someone else saved since the editor loaded; nothing was saved.</param>
public sealed record SaveOutcome(StoredSettings? Saved, IReadOnlyList<SettingsError> Errors, bool Changed = true, int? ConflictWith = null)
{
    /// <summary>True when a version is current with this document.</summary>
    public bool Succeeded => Saved is not null;
}
