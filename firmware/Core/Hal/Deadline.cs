using System;

namespace PosFirmware.Hal
{
    /// <summary>
    /// A point on the monotonic clock (IClock.NowMs) after which a wait has failed. One type,
    /// tested once, replaces every hand-written "now - start > timeout" comparison (STYLE.md point 4).
    /// A default Deadline is Never: it does not expire.
    /// </summary>
    public struct Deadline
    {
        private readonly long _expiresAtMs;
        private readonly bool _isArmed;

        private Deadline(long expiresAtMs, bool isArmed)
        {
            _expiresAtMs = expiresAtMs;
            _isArmed = isArmed;
        }

        /// <summary>A deadline that never expires.</summary>
        public static Deadline Never
        {
            get { return new Deadline(long.MaxValue, false); }
        }

        /// <summary>The deadline durationMs after nowMs; durationMs must not be negative.</summary>
        public static Deadline After(long nowMs, long durationMs)
        {
            if (durationMs < 0)
            {
                throw new ArgumentOutOfRangeException("durationMs");
            }

            // Saturate instead of overflowing: a huge duration is "practically never", not the past.
            long expiresAtMs = nowMs > long.MaxValue - durationMs ? long.MaxValue : nowMs + durationMs;
            return new Deadline(expiresAtMs, true);
        }

        /// <summary>The deadline durationMs from the clock's current time.</summary>
        public static Deadline After(IClock clock, long durationMs)
        {
            return After(clock.NowMs, durationMs);
        }

        /// <summary>The deadline at an absolute monotonic time.</summary>
        public static Deadline At(long expiresAtMs)
        {
            return new Deadline(expiresAtMs, true);
        }

        /// <summary>False for Never (and for a default Deadline).</summary>
        public bool IsArmed
        {
            get { return _isArmed; }
        }

        /// <summary>The expiry time in monotonic ms; long.MaxValue for Never.</summary>
        public long ExpiresAtMs
        {
            get { return _isArmed ? _expiresAtMs : long.MaxValue; }
        }

        /// <summary>True once nowMs has reached the expiry time. Never never expires.</summary>
        public bool HasExpired(long nowMs)
        {
            return _isArmed && nowMs >= _expiresAtMs;
        }

        /// <summary>True once the clock has reached the expiry time.</summary>
        public bool HasExpired(IClock clock)
        {
            return HasExpired(clock.NowMs);
        }

        /// <summary>Milliseconds left, never negative; long.MaxValue for Never.</summary>
        public long RemainingMs(long nowMs)
        {
            if (!_isArmed)
            {
                return long.MaxValue;
            }

            return nowMs >= _expiresAtMs ? 0 : _expiresAtMs - nowMs;
        }

        /// <summary>
        /// Whole seconds left, rounded up, for on-screen countdowns: a wait with 200 ms left still
        /// shows 1, and 0 appears only when it has expired. int.MaxValue for Never.
        /// </summary>
        public int RemainingSeconds(long nowMs)
        {
            long remainingMs = RemainingMs(nowMs);
            if (remainingMs == long.MaxValue)
            {
                return int.MaxValue;
            }

            long seconds = (remainingMs + 999) / 1000;
            return seconds > int.MaxValue ? int.MaxValue : (int)seconds;
        }

        /// <summary>The earlier of two deadlines (Never loses to any armed deadline).</summary>
        public static Deadline Earliest(Deadline a, Deadline b)
        {
            return a.ExpiresAtMs <= b.ExpiresAtMs ? a : b;
        }
    }
}
