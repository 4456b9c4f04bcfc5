using System;

namespace PosFirmware.App.Engine
{
    /// <summary>
    /// The actions of one step, in order, in slots allocated once. A step that would need more
    /// than Capacity actions is a design error, so it throws rather than dropping one silently.
    /// </summary>
    public sealed class ActionList
    {
        public const int Capacity = 32;

        private readonly EngineAction[] _slots = new EngineAction[Capacity];

        public ActionList()
        {
            for (int i = 0; i < Capacity; i++)
            {
                _slots[i] = new EngineAction();
            }
        }

        public int Count { get; private set; }

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
            if (Count == Capacity)
            {
                throw new InvalidOperationException("too many actions in one step");
            }

            EngineAction a = _slots[Count++];
            a.Reset(kind);
            return a;
        }
    }
}
