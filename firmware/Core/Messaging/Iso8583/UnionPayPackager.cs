namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>
    /// The UnionPay POS format (PAYMENTS.md section 3; the binary/BCD variant of jPOS
    /// iso87binary): BCD MTI, binary bitmap, numeric fields in BCD, variable fields with BCD
    /// length prefixes, text in ASCII. Fields 22 and 60/61 are left-aligned BCD, as UnionPay sends them.
    /// </summary>
    public static class UnionPayPackager
    {
        private static IsoPackager _instance;

        /// <summary>The packager (built once).</summary>
        public static IsoPackager Instance
        {
            get
            {
                if (_instance == null)
                {
                    _instance = new IsoPackager(Table(), true, true);
                }

                return _instance;
            }
        }

        private static FieldCodec[] Table()
        {
            FieldCodec[] f = new FieldCodec[IsoMessage.MaxField + 1];
            f[2] = new FieldCodec(FieldContent.NumericBcd, LengthKind.LLVar, 19, true, true);
            f[3] = Numeric(6);
            f[4] = Numeric(12);
            f[11] = Numeric(6);
            f[12] = Numeric(6);
            f[13] = Numeric(4);
            f[14] = Numeric(4);
            f[15] = Numeric(4);
            f[22] = new FieldCodec(FieldContent.NumericBcd, LengthKind.Fixed, 3, true, true);
            f[23] = Numeric(3);
            f[25] = Numeric(2);
            f[26] = Numeric(2);
            f[32] = new FieldCodec(FieldContent.NumericBcd, LengthKind.LLVar, 11, true, true);
            f[35] = new FieldCodec(FieldContent.Track2Bcd, LengthKind.LLVar, 37, true, true);
            f[36] = new FieldCodec(FieldContent.Track2Bcd, LengthKind.LLLVar, 104, true, true);
            f[37] = Text(12);
            f[38] = Text(6);
            f[39] = Text(2);
            f[41] = Text(8);
            f[42] = Text(15);
            f[44] = new FieldCodec(FieldContent.Text, LengthKind.LLVar, 25, true, true);
            f[48] = new FieldCodec(FieldContent.NumericBcd, LengthKind.LLLVar, 322, true, true);
            f[49] = Text(3);
            f[52] = new FieldCodec(FieldContent.Binary, LengthKind.Fixed, 8, true, true);
            f[53] = Numeric(16);
            f[54] = new FieldCodec(FieldContent.Text, LengthKind.LLLVar, 20, true, true);
            f[55] = new FieldCodec(FieldContent.Binary, LengthKind.LLLVar, 255, true, true);
            f[60] = new FieldCodec(FieldContent.NumericBcd, LengthKind.LLLVar, 17, true, true);
            f[61] = new FieldCodec(FieldContent.NumericBcd, LengthKind.LLLVar, 29, true, true);
            f[62] = new FieldCodec(FieldContent.Binary, LengthKind.LLLVar, 512, true, true);
            f[63] = new FieldCodec(FieldContent.Text, LengthKind.LLLVar, 163, true, true);
            f[64] = new FieldCodec(FieldContent.Binary, LengthKind.Fixed, 8, true, true);
            return f;
        }

        private static FieldCodec Numeric(int length)
        {
            return new FieldCodec(FieldContent.NumericBcd, LengthKind.Fixed, length, true, false);
        }

        private static FieldCodec Text(int length)
        {
            return new FieldCodec(FieldContent.Text, LengthKind.Fixed, length, true, true);
        }
    }
}
