namespace PosFirmware.Hal
{
    /// <summary>How a GPIO pin is configured (the subset of System.Device.Gpio.PinMode we use).</summary>
    public enum PinMode
    {
        Input = 0,
        InputPullUp = 1,
        InputPullDown = 2,
        Output = 3,
    }
}
