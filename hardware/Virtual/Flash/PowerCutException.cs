namespace PosFirmware.Virtual.Flash;

/// <summary>
/// Thrown by the virtual board when its power is cut: it unwinds the firmware's stack the way a
/// real power cut stops the CPU. Firmware code never catches it (it catches nothing that broad);
/// the simulation catches it, calls PowerOn and boots the firmware again on the same flash.
/// </summary>
public sealed class PowerCutException : Exception
{
    public PowerCutException(string message) : base(message)
    {
    }
}
