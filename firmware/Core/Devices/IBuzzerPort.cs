namespace PosFirmware.Devices
{
    /// <summary>The buzzer: a tone starts at once and plays on while the loop runs.</summary>
    public interface IBuzzerPort
    {
        /// <summary>Starts a tone (replacing one still playing). Never blocks.</summary>
        void Beep(Tone tone);

        /// <summary>Moves a playing tone on by the clock; called on every pass of the run loop.</summary>
        void Update();
    }
}
