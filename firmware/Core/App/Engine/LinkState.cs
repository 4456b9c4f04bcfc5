namespace PosFirmware.App.Engine
{
    /// <summary>Where the host connection stands, as the engine sees it.</summary>
    public enum LinkState
    {
        Closed = 0,
        Connecting = 1,
        /// <summary>Connected, nothing outstanding.</summary>
        Ready = 2,
        /// <summary>A request is out; its answer is awaited under the host timer.</summary>
        Awaiting = 3,
    }
}
