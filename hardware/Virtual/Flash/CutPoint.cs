namespace PosFirmware.Virtual.Flash;

/// <summary>Where, around one flash operation, the power goes.</summary>
public enum CutPoint
{
    /// <summary>The operation has no effect.</summary>
    Before,

    /// <summary>The operation takes full effect, then the power goes before the caller learns it.</summary>
    After,
}
