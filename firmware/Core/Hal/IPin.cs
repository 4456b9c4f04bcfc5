namespace PosFirmware.Hal
{
    /// <summary>
    /// One GPIO pin. Drivers take this instead of System.Device.Gpio.GpioPin, which is sealed and
    /// cannot be replaced by a model in tests (STYLE.md point 2, "own the bus").
    /// </summary>
    public interface IPin
    {
        /// <summary>The pin number on the board (for messages and wiring checks).</summary>
        int Number { get; }

        /// <summary>Configures the pin as input (with optional pull) or output.</summary>
        void SetMode(PinMode mode);

        /// <summary>True when the pin reads high.</summary>
        bool Read();

        /// <summary>Drives an output pin high (true) or low (false).</summary>
        void Write(bool high);
    }
}
