using System;

namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>
    /// An ISO 8583 message: its MTI and fields 2..128 by number. Text fields hold strings, binary
    /// fields byte arrays; the packager decides the wire form. Field 1 (the secondary bitmap) is
    /// the packager's business, never set here.
    /// </summary>
    public sealed class IsoMessage
    {
        public const int MaxField = 128;

        private readonly object[] _fields = new object[MaxField + 1];

        /// <summary>The 4-digit message type indicator, e.g. "0200".</summary>
        public string Mti { get; set; }

        public void Set(int field, string value)
        {
            Put(field, value);
        }

        public void Set(int field, byte[] value)
        {
            Put(field, value);
        }

        public void Remove(int field)
        {
            Check(field);
            _fields[field] = null;
        }

        public bool Has(int field)
        {
            return field >= 2 && field <= MaxField && _fields[field] != null;
        }

        /// <summary>The value (string or byte[]) or null.</summary>
        public object Get(int field)
        {
            return field >= 2 && field <= MaxField ? _fields[field] : null;
        }

        /// <summary>The text value, or null when absent or binary.</summary>
        public string GetString(int field)
        {
            return Get(field) as string;
        }

        /// <summary>The binary value, or null when absent or text.</summary>
        public byte[] GetBytes(int field)
        {
            return Get(field) as byte[];
        }

        /// <summary>Removes every field and the MTI (reuse one message per exchange).</summary>
        public void Clear()
        {
            Array.Clear(_fields, 0, _fields.Length);
            Mti = null;
        }

        private void Put(int field, object value)
        {
            Check(field);
            _fields[field] = value;
        }

        private static void Check(int field)
        {
            if (field < 2 || field > MaxField)
            {
                throw new ArgumentOutOfRangeException("field");
            }
        }
    }
}
