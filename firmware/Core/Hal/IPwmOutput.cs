namespace PosFirmware.Hal
{
    /// <summary>
    /// One PWM output (the buzzer). Our own interface because System.Device.Pwm.PwmChannel is sealed;
    /// the device adapter wraps it (on the ESP32 the LEDC peripheral makes the wave, so nothing here
    /// is timed by the CPU: PLATFORM.md "Memory and speed on the device").
    /// </summary>
    public interface IPwmOutput
    {
        /// <summary>Starts (or retunes) the wave at frequencyHz with the duty cycle in percent.</summary>
        void Start(int frequencyHz, int dutyPercent);

        /// <summary>Silences the output. Safe to call when silent.</summary>
        void Stop();
    }
}
