namespace PosFirmware.App.Engine
{
    /// <summary>What the flow asked the host link for.</summary>
    public enum Goal
    {
        None = 0,
        /// <summary>Power-on: sign on and deliver a pending reversal.</summary>
        PowerOn = 1,
        Financial = 2,
        Settlement = 3,
        SignOn = 4,
        SignOff = 5,
        Echo = 6,
    }
}
