using PosFirmware.Devices;

namespace PosFirmware.Drivers.Buzzer
{
    /// <summary>
    /// The notes of each tone as (frequency Hz, duration ms) pairs; frequency 0 is a rest. Short and
    /// distinct so a merchant hears success from failure without looking: a short high click per key,
    /// a rising pair for success, a low long pair for failure, one low note for a refused key.
    /// A piezo buzzer is loudest near its resonance (about 2.7 kHz for the common 12 mm parts).
    /// </summary>
    public static class BuzzerTones
    {
        public static readonly int[] Key = { 2700, 40 };
        public static readonly int[] Refused = { 500, 150 };
        public static readonly int[] Success = { 2000, 90, 0, 40, 2700, 160 };
        public static readonly int[] Failure = { 500, 250, 0, 100, 400, 400 };

        public static int[] Of(Tone tone)
        {
            switch (tone)
            {
                case Tone.Key:
                    return Key;
                case Tone.Success:
                    return Success;
                case Tone.Failure:
                    return Failure;
                default:
                    return Refused;
            }
        }

        /// <summary>The whole length of a tone.</summary>
        public static int DurationMs(int[] notes)
        {
            int total = 0;
            for (int i = 1; i < notes.Length; i += 2)
            {
                total += notes[i];
            }

            return total;
        }
    }
}
