using System;

namespace PosFirmware.Hal
{
    /// <summary>
    /// The armed timers of a state machine, by small integer id, with a fixed capacity. A state
    /// arms its deadline on entry and disarms it on exit; the run loop asks for the next expired id
    /// and feeds it to the engine as an ordinary event ("timeouts are events", STYLE.md point 5).
    /// No threads and no allocation after construction.
    /// </summary>
    public sealed class DeadlineTable
    {
        private readonly long[] _expiresAtMs;
        private readonly bool[] _isArmed;

        /// <summary>A table for ids 0 .. capacity-1.</summary>
        public DeadlineTable(int capacity)
        {
            if (capacity <= 0 || capacity > MaxCapacity)
            {
                throw new ArgumentOutOfRangeException("capacity");
            }

            _expiresAtMs = new long[capacity];
            _isArmed = new bool[capacity];
        }

        /// <summary>The largest table we allow; a state machine with more timers is a design error.</summary>
        public const int MaxCapacity = 64;

        /// <summary>How many ids the table holds.</summary>
        public int Capacity
        {
            get { return _isArmed.Length; }
        }

        /// <summary>Arms (or re-arms) timer id to expire at the deadline; Never disarms it.</summary>
        public void Arm(int id, Deadline deadline)
        {
            CheckId(id);
            _isArmed[id] = deadline.IsArmed;
            _expiresAtMs[id] = deadline.ExpiresAtMs;
        }

        /// <summary>Disarms timer id; disarming an idle timer is harmless.</summary>
        public void Disarm(int id)
        {
            CheckId(id);
            _isArmed[id] = false;
        }

        /// <summary>Disarms every timer (power-on, state reset).</summary>
        public void DisarmAll()
        {
            for (int i = 0; i < _isArmed.Length; i++)
            {
                _isArmed[i] = false;
            }
        }

        /// <summary>True while timer id is armed and has not been taken as expired.</summary>
        public bool IsArmed(int id)
        {
            CheckId(id);
            return _isArmed[id];
        }

        /// <summary>The deadline of timer id (Never when idle).</summary>
        public Deadline Get(int id)
        {
            CheckId(id);
            return _isArmed[id] ? Deadline.At(_expiresAtMs[id]) : Deadline.Never;
        }

        /// <summary>The earliest armed deadline, or Never: how long the run loop may sleep.</summary>
        public Deadline Next()
        {
            Deadline next = Deadline.Never;
            for (int i = 0; i < _isArmed.Length; i++)
            {
                if (_isArmed[i] && _expiresAtMs[i] < next.ExpiresAtMs)
                {
                    next = Deadline.At(_expiresAtMs[i]);
                }
            }

            return next;
        }

        /// <summary>
        /// Disarms and returns the id of the earliest timer expired at nowMs (lowest id on ties),
        /// or -1 when none has. Call until -1 to drain, one event per call.
        /// </summary>
        public int TakeExpired(long nowMs)
        {
            int found = -1;
            for (int i = 0; i < _isArmed.Length; i++)
            {
                if (_isArmed[i] && nowMs >= _expiresAtMs[i] && (found < 0 || _expiresAtMs[i] < _expiresAtMs[found]))
                {
                    found = i;
                }
            }

            if (found >= 0)
            {
                _isArmed[found] = false;
            }

            return found;
        }

        private void CheckId(int id)
        {
            if (id < 0 || id >= _isArmed.Length)
            {
                throw new ArgumentOutOfRangeException("id");
            }
        }
    }
}
