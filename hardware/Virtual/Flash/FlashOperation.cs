namespace PosFirmware.Virtual.Flash;

/// <summary>One operation on the virtual flash, as recorded in its log (for readable traces).</summary>
public readonly record struct FlashOperation(long Index, string Kind, string Name, int Bytes)
{
    public override string ToString() => Bytes > 0 ? $"#{Index} {Kind} {Name} ({Bytes} B)" : $"#{Index} {Kind} {Name}";
}
