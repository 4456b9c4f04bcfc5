namespace PosFirmware.Messaging.Emv
{
    /// <summary>
    /// Data object lists (PDOL, CDOL: EMV Book 3 section 5.4): a list of tag + length with no
    /// values, answered by the concatenated values. A missing object gives zeros; a longer one is
    /// cut (numeric: keep the rightmost bytes; others: the leftmost); a shorter one is padded
    /// (numeric: leading zeros; compressed numeric: trailing 0xFF; others: trailing zeros).
    /// </summary>
    public static class Dol
    {
        // Terminal and card objects in numeric (n) format that a DOL may ask for.
        private static readonly uint[] NumericTags = { 0x9F02, 0x9F03, 0x5F2A, 0x9F1A, 0x9A, 0x9C, 0x9F21, 0x9F41, 0x5F36, 0x5F24, 0x5F25 };

        // Compressed numeric (cn).
        private static readonly uint[] CompressedNumericTags = { 0x5A, 0x9F20 };

        /// <summary>Builds the DOL's value string into output[outputOffset ..]; written is its length.</summary>
        public static TlvStatus Build(byte[] dol, int offset, int count, TagStore values, byte[] output, int outputOffset, out int written)
        {
            written = 0;
            if (dol == null || offset < 0 || count < 0 || offset > dol.Length - count)
            {
                return TlvStatus.LengthPastEnd;
            }

            int p = offset;
            int end = offset + count;
            int o = outputOffset;
            int entries = 0;
            while (p < end)
            {
                if (++entries > Tlv.MaxItems)
                {
                    return TlvStatus.TooManyItems;
                }

                uint tag;
                int wantLength;
                TlvStatus s = ReadEntry(dol, p, end, out tag, out wantLength, out p);
                if (s != TlvStatus.Ok)
                {
                    return s;
                }

                if (output == null || o < 0 || wantLength > output.Length - o)
                {
                    return TlvStatus.OutputTooSmall;
                }

                int vo, vl;
                if (!values.TryGet(tag, out vo, out vl))
                {
                    vl = 0;
                }

                Fit(tag, values.Pool, vo, vl, output, o, wantLength);
                o += wantLength;
            }

            written = o - outputOffset;
            return TlvStatus.Ok;
        }

        // A DOL entry is a tag then a one-byte length (EMV: lengths in DOLs are single bytes).
        private static TlvStatus ReadEntry(byte[] dol, int p, int end, out uint tag, out int length, out int next)
        {
            length = 0;
            next = p;
            TlvStatus s = Tlv.ReadTag(dol, p, end, out tag, out p);
            if (s != TlvStatus.Ok)
            {
                return s;
            }

            if (p >= end)
            {
                return TlvStatus.Truncated;
            }

            length = dol[p++];
            if (length >= 0x80)
            {
                return TlvStatus.BadLength;
            }

            next = p;
            return TlvStatus.Ok;
        }

        private static void Fit(uint tag, byte[] value, int offset, int length, byte[] output, int o, int want)
        {
            bool numeric = Contains(NumericTags, tag);
            if (length >= want)
            {
                int from = numeric ? offset + length - want : offset;
                for (int i = 0; i < want; i++)
                {
                    output[o + i] = value[from + i];
                }

                return;
            }

            int pad = want - length;
            if (numeric)
            {
                for (int i = 0; i < pad; i++)
                {
                    output[o + i] = 0;
                }

                for (int i = 0; i < length; i++)
                {
                    output[o + pad + i] = value[offset + i];
                }

                return;
            }

            byte fill = length > 0 && Contains(CompressedNumericTags, tag) ? (byte)0xFF : (byte)0;
            for (int i = 0; i < length; i++)
            {
                output[o + i] = value[offset + i];
            }

            for (int i = length; i < want; i++)
            {
                output[o + i] = fill;
            }
        }

        private static bool Contains(uint[] tags, uint tag)
        {
            for (int i = 0; i < tags.Length; i++)
            {
                if (tags[i] == tag)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
