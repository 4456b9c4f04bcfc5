using PosFirmware.Common;

namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>
    /// One field's format, as a row of a packager's table (jPOS style: IFB_NUMERIC, IFB_LLLNUM,
    /// IFA_LLCHAR...): its name, content encoding, fixed or LL/LLL length, maximum length, BCD or ASCII
    /// length prefix, and for odd-length BCD whether the digits are left-aligned (pad nibble last,
    /// as UnionPay's fields 22 and 60) or right-aligned (pad nibble first). Tables build them through
    /// the named factories of BinaryFields and AsciiFields.
    /// Values are strings (digits, text, track 2 with '=') or byte arrays (binary fields).
    /// Lengths count digits, characters or bytes. Pack and Unpack never throw on a value or on
    /// received bytes; they return a status.
    /// </summary>
    public sealed class FieldCodec
    {
        // The two encodings as flags, read on every pack and unpack.
        private readonly bool _bcdPrefix;
        private readonly bool _leftAligned;

        public FieldCodec(string name, FieldContent content, LengthKind kind, int maxLength, PrefixEncoding prefix, BcdAlign align)
        {
            Name = name;
            Content = content;
            Kind = kind;
            MaxLength = maxLength;
            Prefix = prefix;
            Align = align;
            _bcdPrefix = prefix == PrefixEncoding.Bcd;
            _leftAligned = align == BcdAlign.Left;
        }

        /// <summary>The field's name in the spec ("primary account number").</summary>
        public string Name { get; private set; }

        public FieldContent Content { get; private set; }

        public LengthKind Kind { get; private set; }

        public int MaxLength { get; private set; }

        public PrefixEncoding Prefix { get; private set; }

        public BcdAlign Align { get; private set; }


        private bool IsBcd
        {
            get { return Content == FieldContent.NumericBcd || Content == FieldContent.Track2Bcd; }
        }

        /// <summary>Writes the field (prefix and body) at output[offset]; written counts its bytes.</summary>
        public IsoStatus Pack(object value, byte[] output, int offset, out int written)
        {
            written = 0;
            string text = value as string;
            byte[] bytes = value as byte[];
            if (IsBytes ? bytes == null : text == null)
            {
                return IsoStatus.WrongValueKind;
            }

            int length = IsBytes ? bytes.Length : text.Length;
            if (length > MaxLength)
            {
                return IsoStatus.TooLong;
            }

            if (Kind == LengthKind.Fixed && IsBytes && length != MaxLength)
            {
                return IsoStatus.WrongLength;
            }

            int logical = Kind == LengthKind.Fixed ? MaxLength : length;
            int bodyBytes = BodySize(logical);
            int prefixBytes = PrefixSize();
            if (output == null || offset < 0 || prefixBytes + bodyBytes > output.Length - offset)
            {
                return IsoStatus.OutputTooSmall;
            }

            IsoStatus s = CheckCharacters(text);
            if (s != IsoStatus.Ok)
            {
                return s;
            }

            int p = offset;
            if (Kind != LengthKind.Fixed)
            {
                WritePrefix(PrefixCountsCharacters ? length * 2 : length, output, p);
                p += prefixBytes;
            }

            if (Content == FieldContent.Binary)
            {
                for (int i = 0; i < length; i++)
                {
                    output[p + i] = bytes[i];
                }
            }
            else if (Content == FieldContent.BinaryHex)
            {
                HexAscii.Write(bytes, 0, length, output, p);
            }
            else if (IsBcd)
            {
                WriteBcd(text, logical, output, p);
            }
            else
            {
                // Fixed numeric pads on the left with zeros, fixed text on the right with spaces.
                int pad = logical - length;
                bool numeric = Content == FieldContent.NumericAscii;
                for (int i = 0; i < logical; i++)
                {
                    char c = numeric ? (i < pad ? '0' : text[i - pad]) : (i < length ? text[i] : ' ');
                    output[p + i] = (byte)c;
                }
            }

            written = (Kind == LengthKind.Fixed ? 0 : prefixBytes) + bodyBytes;
            return IsoStatus.Ok;
        }

        /// <summary>Reads the field at input[offset] (not past end); consumed counts its bytes.</summary>
        public IsoStatus Unpack(byte[] input, int offset, int end, out object value, out int consumed)
        {
            value = null;
            consumed = 0;
            int p = offset;
            int length = MaxLength;
            if (Kind != LengthKind.Fixed)
            {
                int prefixBytes = PrefixSize();
                if (end - p < prefixBytes)
                {
                    return IsoStatus.Truncated;
                }

                IsoStatus ps = ReadPrefix(input, p, out length);
                if (ps != IsoStatus.Ok)
                {
                    return ps;
                }

                if (PrefixCountsCharacters)
                {
                    if ((length & 1) != 0)
                    {
                        return IsoStatus.BadLengthPrefix;
                    }

                    length /= 2;
                }

                if (length > MaxLength)
                {
                    return IsoStatus.TooLong;
                }

                p += prefixBytes;
            }

            int bodyBytes = BodySize(length);
            if (end - p < bodyBytes)
            {
                return IsoStatus.Truncated;
            }

            if (Content == FieldContent.BinaryHex)
            {
                byte[] h = new byte[length];
                if (!HexAscii.TryRead(input, p, length, h, 0))
                {
                    return IsoStatus.BadCharacter;
                }

                value = h;
            }
            else if (Content == FieldContent.Binary)
            {
                byte[] b = new byte[length];
                for (int i = 0; i < length; i++)
                {
                    b[i] = input[p + i];
                }

                value = b;
            }
            else if (IsBcd)
            {
                string digits;
                IsoStatus bs = ReadBcd(input, p, length, out digits);
                if (bs != IsoStatus.Ok)
                {
                    return bs;
                }

                value = digits;
            }
            else
            {
                char[] c = new char[length];
                for (int i = 0; i < length; i++)
                {
                    c[i] = (char)input[p + i];
                    if (Content == FieldContent.NumericAscii && (c[i] < '0' || c[i] > '9'))
                    {
                        return IsoStatus.BadDigit;
                    }
                }

                value = new string(c);
            }

            consumed = p - offset + bodyBytes;
            return IsoStatus.Ok;
        }

        private bool IsBytes
        {
            get { return Content == FieldContent.Binary || Content == FieldContent.BinaryHex; }
        }

        // Hex in an ASCII message is text: its length prefix counts characters, as jPOS LLLCHAR and
        // other ASCII implementations read it (two per byte; an odd count is a bad prefix).
        private bool PrefixCountsCharacters
        {
            get { return Content == FieldContent.BinaryHex; }
        }

        private int BodySize(int logical)
        {
            return IsBcd ? (logical + 1) / 2 : Content == FieldContent.BinaryHex ? logical * 2 : logical;
        }


        private int PrefixSize()
        {
            if (Kind == LengthKind.Fixed)
            {
                return 0;
            }

            int digits = Kind == LengthKind.LLVar ? 2 : 3;
            return _bcdPrefix ? (digits + 1) / 2 : digits;
        }

        private void WritePrefix(int length, byte[] output, int p)
        {
            if (_bcdPrefix)
            {
                if (Kind == LengthKind.LLVar)
                {
                    output[p] = (byte)(((length / 10) << 4) | (length % 10));
                }
                else
                {
                    output[p] = (byte)(length / 100);
                    output[p + 1] = (byte)((((length / 10) % 10) << 4) | (length % 10));
                }

                return;
            }

            int digits = Kind == LengthKind.LLVar ? 2 : 3;
            int v = length;
            for (int i = digits - 1; i >= 0; i--)
            {
                output[p + i] = (byte)('0' + v % 10);
                v /= 10;
            }
        }

        private IsoStatus ReadPrefix(byte[] input, int p, out int length)
        {
            length = 0;
            int digits = Kind == LengthKind.LLVar ? 2 : 3;
            if (_bcdPrefix)
            {
                int bytes = (digits + 1) / 2;
                for (int i = 0; i < bytes; i++)
                {
                    int hi = input[p + i] >> 4;
                    int lo = input[p + i] & 0xF;
                    if (hi > 9 || lo > 9)
                    {
                        return IsoStatus.BadLengthPrefix;
                    }

                    length = length * 100 + hi * 10 + lo;
                }

                return IsoStatus.Ok;
            }

            for (int i = 0; i < digits; i++)
            {
                int d = input[p + i] - '0';
                if (d < 0 || d > 9)
                {
                    return IsoStatus.BadLengthPrefix;
                }

                length = length * 10 + d;
            }

            return IsoStatus.Ok;
        }

        private IsoStatus CheckCharacters(string text)
        {
            if (text == null)
            {
                return IsoStatus.Ok;
            }

            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool ok;
                if (Content == FieldContent.Text)
                {
                    ok = c >= 0x20 && c <= 0x7E;
                }
                else if (Content == FieldContent.Track2Bcd)
                {
                    ok = (c >= '0' && c <= '9') || c == '=' || c == 'D';
                }
                else
                {
                    ok = c >= '0' && c <= '9';
                }

                if (!ok)
                {
                    return Content == FieldContent.Text ? IsoStatus.BadCharacter : IsoStatus.BadDigit;
                }
            }

            return IsoStatus.Ok;
        }

        // Digits into nibbles: an odd count gets one pad nibble (0), last if left-aligned, first if not.
        // A fixed field shorter than its length is padded with leading zero digits first.
        private void WriteBcd(string text, int logical, byte[] output, int p)
        {
            int zeros = logical - text.Length;
            int nibbles = (logical + 1) / 2 * 2;
            int lead = _leftAligned ? 0 : nibbles - logical;
            for (int n = 0; n < nibbles; n++)
            {
                int digitIndex = n - lead;
                int v = 0;
                if (digitIndex >= 0 && digitIndex < logical)
                {
                    v = digitIndex < zeros ? 0 : Nibble(text[digitIndex - zeros]);
                }

                if ((n & 1) == 0)
                {
                    output[p + n / 2] = (byte)(v << 4);
                }
                else
                {
                    output[p + n / 2] |= (byte)v;
                }
            }
        }

        private IsoStatus ReadBcd(byte[] input, int p, int length, out string digits)
        {
            digits = null;
            int nibbles = (length + 1) / 2 * 2;
            int lead = _leftAligned ? 0 : nibbles - length;
            char[] c = new char[length];
            for (int n = 0; n < nibbles; n++)
            {
                int b = input[p + n / 2];
                int v = (n & 1) == 0 ? b >> 4 : b & 0xF;
                int digitIndex = n - lead;
                if (digitIndex < 0 || digitIndex >= length)
                {
                    continue; // the pad nibble: any value is tolerated (0 or F in the wild)
                }

                if (v <= 9)
                {
                    c[digitIndex] = (char)('0' + v);
                }
                else if (Content == FieldContent.Track2Bcd && v == 0xD)
                {
                    c[digitIndex] = '=';
                }
                else
                {
                    return IsoStatus.BadDigit;
                }
            }

            digits = new string(c);
            return IsoStatus.Ok;
        }

        private static int Nibble(char c)
        {
            return c == '=' || c == 'D' ? 0xD : c - '0';
        }
    }
}
