using PosFirmware.Common;

namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>
    /// A message format as a table of field codecs (one per field number) plus the MTI and
    /// bitmap encodings: BCD MTI and binary bitmaps (UnionPay, jPOS iso87binary) or ASCII MTI and
    /// hex-ASCII bitmaps (jPOS iso87ascii). A secondary bitmap is added when any field above 64 is
    /// present. Unpack checks every byte; a field the table does not define is an error, because
    /// its length, and so everything after it, would be unknown.
    /// </summary>
    public sealed class IsoPackager
    {
        private readonly FieldCodec[] _fields;

        // The two encodings as flags, read on every pack and unpack.
        private readonly bool _bcdMti;
        private readonly bool _binaryBitmap;

        public IsoPackager(FieldCodec[] fields, MtiEncoding mti, BitmapEncoding bitmap)
        {
            _fields = fields;
            MtiEncoding = mti;
            BitmapEncoding = bitmap;
            _bcdMti = mti == MtiEncoding.Bcd;
            _binaryBitmap = bitmap == BitmapEncoding.Binary;
        }

        public MtiEncoding MtiEncoding { get; private set; }

        public BitmapEncoding BitmapEncoding { get; private set; }

        /// <summary>The codec of a field, or null when the table does not define it.</summary>
        public FieldCodec Field(int number)
        {
            return number > 0 && number < _fields.Length ? _fields[number] : null;
        }

        /// <summary>Packs MTI, bitmap(s) and fields at output[offset]; failedField names the culprit.</summary>
        public IsoStatus Pack(IsoMessage message, byte[] output, int offset, out int written, out int failedField)
        {
            written = 0;
            failedField = 0;
            bool secondary = false;
            for (int f = 65; f <= IsoMessage.MaxField; f++)
            {
                secondary |= message.Has(f);
            }

            int p = offset;
            IsoStatus s = WriteMti(message.Mti, output, ref p);
            if (s != IsoStatus.Ok)
            {
                return s;
            }

            int bitmapBytes = secondary ? 16 : 8;
            int bitmapSize = _binaryBitmap ? bitmapBytes : bitmapBytes * 2;
            if (output.Length - p < bitmapSize)
            {
                return IsoStatus.OutputTooSmall;
            }

            int bitmapAt = p;
            for (int i = 0; i < bitmapSize; i++)
            {
                output[p + i] = 0;
            }

            p += bitmapSize;
            byte[] bits = new byte[16];
            if (secondary)
            {
                bits[0] = 0x80;
            }

            for (int f = 2; f <= (secondary ? IsoMessage.MaxField : 64); f++)
            {
                if (!message.Has(f))
                {
                    continue;
                }

                FieldCodec codec = Field(f);
                if (codec == null)
                {
                    failedField = f;
                    return IsoStatus.UndefinedField;
                }

                int n;
                s = codec.Pack(message.Get(f), output, p, out n);
                if (s != IsoStatus.Ok)
                {
                    failedField = f;
                    return s;
                }

                p += n;
                bits[(f - 1) / 8] |= (byte)(0x80 >> ((f - 1) % 8));
            }

            WriteBitmap(bits, bitmapBytes, output, bitmapAt);
            written = p - offset;
            return IsoStatus.Ok;
        }

        /// <summary>Unpacks input[offset .. offset+count) into message (cleared first).</summary>
        public IsoStatus Unpack(byte[] input, int offset, int count, IsoMessage message, out int failedField)
        {
            failedField = 0;
            message.Clear();
            if (input == null || offset < 0 || count < 0 || offset > input.Length - count)
            {
                return IsoStatus.Truncated;
            }

            int p = offset;
            int end = offset + count;
            string mti;
            IsoStatus s = ReadMti(input, ref p, end, out mti);
            if (s != IsoStatus.Ok)
            {
                return s;
            }

            message.Mti = mti;
            byte[] bits = new byte[16];
            s = ReadBitmap(input, ref p, end, bits, 0);
            if (s != IsoStatus.Ok)
            {
                return s;
            }

            bool secondary = (bits[0] & 0x80) != 0;
            if (secondary)
            {
                s = ReadBitmap(input, ref p, end, bits, 8);
                if (s != IsoStatus.Ok)
                {
                    return s;
                }
            }

            for (int f = 2; f <= (secondary ? IsoMessage.MaxField : 64); f++)
            {
                if ((bits[(f - 1) / 8] & (0x80 >> ((f - 1) % 8))) == 0)
                {
                    continue;
                }

                FieldCodec codec = Field(f);
                if (codec == null)
                {
                    failedField = f;
                    return IsoStatus.UndefinedField;
                }

                object value;
                int n;
                s = codec.Unpack(input, p, end, out value, out n);
                if (s != IsoStatus.Ok)
                {
                    failedField = f;
                    return s;
                }

                if (value is string)
                {
                    message.Set(f, (string)value);
                }
                else
                {
                    message.Set(f, (byte[])value);
                }

                p += n;
            }

            return IsoStatus.Ok;
        }

        private IsoStatus WriteMti(string mti, byte[] output, ref int p)
        {
            if (mti == null || mti.Length != 4)
            {
                return IsoStatus.WrongLength;
            }

            for (int i = 0; i < 4; i++)
            {
                if (mti[i] < '0' || mti[i] > '9')
                {
                    return IsoStatus.BadDigit;
                }
            }

            int size = _bcdMti ? 2 : 4;
            if (output == null || p < 0 || output.Length - p < size)
            {
                return IsoStatus.OutputTooSmall;
            }

            for (int i = 0; i < 4; i++)
            {
                if (_bcdMti)
                {
                    int d = mti[i] - '0';
                    output[p + i / 2] = (i & 1) == 0 ? (byte)(d << 4) : (byte)(output[p + i / 2] | d);
                }
                else
                {
                    output[p + i] = (byte)mti[i];
                }
            }

            p += size;
            return IsoStatus.Ok;
        }

        private IsoStatus ReadMti(byte[] input, ref int p, int end, out string mti)
        {
            mti = null;
            int size = _bcdMti ? 2 : 4;
            if (end - p < size)
            {
                return IsoStatus.Truncated;
            }

            char[] c = new char[4];
            for (int i = 0; i < 4; i++)
            {
                int d = _bcdMti ? ((i & 1) == 0 ? input[p + i / 2] >> 4 : input[p + i / 2] & 0xF) : input[p + i] - '0';
                if (d < 0 || d > 9)
                {
                    return IsoStatus.BadDigit;
                }

                c[i] = (char)('0' + d);
            }

            p += size;
            mti = new string(c);
            return IsoStatus.Ok;
        }

        private void WriteBitmap(byte[] bits, int bytes, byte[] output, int p)
        {
            if (_binaryBitmap)
            {
                System.Array.Copy(bits, 0, output, p, bytes);
            }
            else
            {
                HexAscii.Write(bits, 0, bytes, output, p);
            }
        }

        private IsoStatus ReadBitmap(byte[] input, ref int p, int end, byte[] bits, int at)
        {
            int size = _binaryBitmap ? 8 : 16;
            if (end - p < size)
            {
                return IsoStatus.Truncated;
            }

            if (_binaryBitmap)
            {
                System.Array.Copy(input, p, bits, at, 8);
            }
            else if (!HexAscii.TryRead(input, p, 8, bits, at))
            {
                return IsoStatus.BadCharacter;
            }

            p += size;
            return IsoStatus.Ok;
        }

    }
}
