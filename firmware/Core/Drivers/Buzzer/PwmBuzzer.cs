using PosFirmware.Devices;
using PosFirmware.Hal;

namespace PosFirmware.Drivers.Buzzer
{
    /// <summary>
    /// A piezo buzzer on a PWM output. Beep starts a tone's first note and returns at once; Update
    /// (called on every pass of the run loop) moves to the next note when the clock says so. No
    /// sleeps: a tone never holds the loop, and a new tone replaces the one playing.
    /// </summary>
    public sealed class PwmBuzzer : IBuzzerPort
    {
        /// <summary>Half the period high: the loudest square wave for a piezo.</summary>
        public const int DutyPercent = 50;

        private readonly IPwmOutput _pwm;
        private readonly IClock _clock;
        private int[] _notes;
        private int _index;
        private Deadline _noteEnds = Deadline.Never;

        public PwmBuzzer(IPwmOutput pwm, IClock clock)
        {
            _pwm = pwm;
            _clock = clock;
        }

        /// <summary>True while a tone is playing.</summary>
        public bool IsPlaying
        {
            get { return _notes != null; }
        }

        public void Beep(Tone tone)
        {
            _notes = BuzzerTones.Of(tone);
            _index = 0;
            StartNote(_clock.NowMs);
        }

        public void Update()
        {
            long now = _clock.NowMs;

            // A slow pass of the loop may have missed several notes: skip them rather than play late.
            for (int guard = 0; _notes != null && _noteEnds.HasExpired(now) && guard < 16; guard++)
            {
                long endedAt = _noteEnds.ExpiresAtMs;
                _index += 2;
                StartNote(endedAt);
            }
        }

        private void StartNote(long startedAtMs)
        {
            if (_index >= _notes.Length)
            {
                _pwm.Stop();
                _notes = null;
                _noteEnds = Deadline.Never;
                return;
            }

            int frequencyHz = _notes[_index];
            if (frequencyHz > 0)
            {
                _pwm.Start(frequencyHz, DutyPercent);
            }
            else
            {
                _pwm.Stop();
            }

            _noteEnds = Deadline.At(startedAtMs + _notes[_index + 1]);
        }
    }
}
