namespace PosFirmware.Messaging.Emv
{
    /// <summary>
    /// ISO 8583 field 55 (ICC data): the TLVs of a list of tags, in the list's order, from the
    /// transaction's TagStore; tags not present are left out. The lists are PAYMENTS.md section 9
    /// (request) and section 4 (what a reversal keeps).
    /// </summary>
    public static class Field55
    {
        /// <summary>The tags a contactless request carries, in order (PAYMENTS.md section 9).</summary>
        public static readonly uint[] RequestTags =
        {
            0x9F26, 0x9F27, 0x9F10, 0x9F37, 0x9F36, 0x95, 0x9A, 0x9C, 0x9F02, 0x5F2A,
            0x82, 0x9F1A, 0x9F03, 0x9F33, 0x9F34, 0x9F35, 0x9F1E, 0x84, 0x9F09, 0x9F41,
        };

        /// <summary>The only tags a reversal keeps (PAYMENTS.md section 4).</summary>
        public static readonly uint[] ReversalTags = { 0x95, 0x9F1E, 0x9F10, 0x9F36, 0xDF31 };

        /// <summary>Writes the TLVs into output[outputOffset ..]; written is the field's length.</summary>
        public static TlvStatus Build(TagStore store, uint[] tags, byte[] output, int outputOffset, out int written)
        {
            written = 0;
            int o = outputOffset;
            for (int i = 0; i < tags.Length; i++)
            {
                int vo, vl;
                if (!store.TryGet(tags[i], out vo, out vl))
                {
                    continue;
                }

                int n;
                TlvStatus s = Tlv.Write(tags[i], store.Pool, vo, vl, output, o, out n);
                if (s != TlvStatus.Ok)
                {
                    return s;
                }

                o += n;
            }

            written = o - outputOffset;
            return TlvStatus.Ok;
        }

        /// <summary>
        /// The TLVs of an existing field 55 whose tags are listed, in the list's order (what a
        /// reversal keeps of its request's field 55); null when source is not valid TLV.
        /// </summary>
        public static byte[] Select(byte[] source, uint[] tags)
        {
            if (Tlv.Validate(source, 0, source.Length) != TlvStatus.Ok)
            {
                return null;
            }

            byte[] buffer = new byte[source.Length];
            int o = 0;
            for (int i = 0; i < tags.Length; i++)
            {
                int vo, vl;
                if (Tlv.Find(source, 0, source.Length, tags[i], out vo, out vl) != TlvStatus.Ok)
                {
                    continue;
                }

                int n;
                if (Tlv.Write(tags[i], source, vo, vl, buffer, o, out n) == TlvStatus.Ok)
                {
                    o += n;
                }
            }

            byte[] selected = new byte[o];
            System.Array.Copy(buffer, selected, o);
            return selected;
        }
    }
}
