using System;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The actions of one step, in order, in slots allocated once. A step that would need more than
    /// the list holds is a design error, but a step never throws: the extra actions go to a
    /// discard slot (never carried out) and each is counted in Overflows, which the run loop
    /// reports as a fault (TerminalLoop.Faults).
    /// </summary>
    public sealed class ActionList
    {
        /// <summary>The slots of the run loop's list: well above the longest step (about 20 actions).</summary>
        public const int Capacity = 48;

        private readonly EngineAction[] _slots;
        private readonly EngineAction _discard = new EngineAction();

        public ActionList()
            : this(Capacity)
        {
        }

        /// <summary>A list of capacity slots (tests make small ones to see an overflow counted).</summary>
        public ActionList(int capacity)
        {
            _slots = new EngineAction[capacity < 1 ? 1 : capacity];
            for (int i = 0; i < _slots.Length; i++)
            {
                _slots[i] = new EngineAction();
            }
        }

        public int Count { get; private set; }

        /// <summary>Actions that did not fit, since this list was made (not reset by Clear).</summary>
        public int Overflows { get; private set; }

        public EngineAction this[int index]
        {
            get
            {
                if (index < 0 || index >= Count)
                {
                    throw new ArgumentOutOfRangeException("index");
                }

                return _slots[index];
            }
        }

        public void Clear()
        {
            Count = 0;
        }

        internal EngineAction Add(ActionKind kind)
        {
            EngineAction a;
            if (Count == _slots.Length)
            {
                Overflows++;
                a = _discard;
            }
            else
            {
                a = _slots[Count++];
            }

            a.Reset(kind);
            return a;
        }
    }
}
