using PosFirmware.Devices;

namespace PosFirmware.Drivers.Keypad
{
    /// <summary>
    /// A bounded FIFO of keys. When it is full the newest key is dropped and counted: keys typed
    /// while the terminal is busy must not grow memory, and the oldest ones are what the user meant.
    /// </summary>
    public sealed class KeyQueue
    {
        private readonly KeyCode[] _keys;
        private int _head;
        private int _count;

        public KeyQueue(int capacity)
        {
            _keys = new KeyCode[capacity];
        }

        public int Count
        {
            get { return _count; }
        }

        /// <summary>Keys refused because the queue was full.</summary>
        public int Dropped { get; private set; }

        public bool TryAdd(KeyCode key)
        {
            if (_count == _keys.Length)
            {
                Dropped++;
                return false;
            }

            _keys[(_head + _count) % _keys.Length] = key;
            _count++;
            return true;
        }

        public bool TryTake(out KeyCode key)
        {
            if (_count == 0)
            {
                key = KeyCode.Digit0;
                return false;
            }

            key = _keys[_head];
            _head = (_head + 1) % _keys.Length;
            _count--;
            return true;
        }
    }
}
