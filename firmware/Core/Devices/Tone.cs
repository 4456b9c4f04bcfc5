namespace PosFirmware.Devices
{
    /// <summary>The buzzer's tones.</summary>
    public enum Tone
    {
        Key = 0,
        Refused = 1,
        Success = 2,
        Failure = 3,
    }
}
