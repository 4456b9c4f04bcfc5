namespace PosFirmware.Devices
{
    /// <summary>The peripherals the run loop drives, in one place.</summary>
    public sealed class TerminalPorts
    {
        public IKeypadPort Keypad { get; set; }

        public ICardPort Card { get; set; }

        public IDisplayPort Display { get; set; }

        public IPrinterPort Printer { get; set; }

        public IBuzzerPort Buzzer { get; set; }
    }
}
