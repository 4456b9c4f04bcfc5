namespace PosFirmware.Hal
{
    /// <summary>
    /// Randomness for STAN seeds, PIN block fill and EMV unpredictable numbers. On the device it
    /// is the ESP32 hardware generator; in simulation a seeded generator, so one seed replays a run.
    /// </summary>
    public interface IRandomSource
    {
        /// <summary>Fills buffer[offset .. offset+count) with random bytes.</summary>
        void NextBytes(byte[] buffer, int offset, int count);

        /// <summary>A uniformly distributed integer in [0, maxExclusive); maxExclusive must be positive.</summary>
        int NextInt(int maxExclusive);
    }
}
