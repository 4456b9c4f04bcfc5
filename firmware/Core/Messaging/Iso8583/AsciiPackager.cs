namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>
    /// The international ASCII format, after jPOS iso87ascii (ISO87APackager): ASCII MTI,
    /// hex-ASCII bitmaps, numeric and text fields as ASCII, ASCII length prefixes, binary fields
    /// as hex ASCII. Track 2 travels as LLVAR characters (digits and '='). Fields 55 (EMV data) and
    /// 62 (working keys) are LLLVAR hex whose prefix counts characters, so a reader that takes them
    /// as jPOS's LLLCHAR (or npm iso_8583's 'ans' LLLVAR) sees the same field boundaries.
    /// </summary>
    public static class AsciiPackager
    {
        private static IsoPackager _instance;

        public static IsoPackager Instance
        {
            get
            {
                if (_instance == null)
                {
                    _instance = new IsoPackager(Table(), false, false);
                }

                return _instance;
            }
        }

        private static FieldCodec[] Table()
        {
            FieldCodec[] f = new FieldCodec[IsoMessage.MaxField + 1];
            f[2] = Var(FieldContent.NumericAscii, LengthKind.LLVar, 19);
            f[3] = Numeric(6);
            f[4] = Numeric(12);
            f[7] = Numeric(10);
            f[11] = Numeric(6);
            f[12] = Numeric(6);
            f[13] = Numeric(4);
            f[14] = Numeric(4);
            f[15] = Numeric(4);
            f[18] = Numeric(4);
            f[22] = Numeric(3);
            f[23] = Numeric(3);
            f[24] = Numeric(3);
            f[25] = Numeric(2);
            f[26] = Numeric(2);
            f[32] = Var(FieldContent.NumericAscii, LengthKind.LLVar, 11);
            f[35] = Var(FieldContent.Text, LengthKind.LLVar, 37);
            f[37] = Text(12);
            f[38] = Text(6);
            f[39] = Text(2);
            f[41] = Text(8);
            f[42] = Text(15);
            f[43] = Text(40);
            f[48] = Var(FieldContent.Text, LengthKind.LLLVar, 999);
            f[49] = Text(3);
            f[52] = new FieldCodec(FieldContent.BinaryHex, LengthKind.Fixed, 8, false, true);
            f[53] = Numeric(16);
            f[54] = Var(FieldContent.Text, LengthKind.LLLVar, 120);
            f[55] = Var(FieldContent.BinaryHex, LengthKind.LLLVar, 255);
            f[60] = Var(FieldContent.Text, LengthKind.LLLVar, 999);
            f[61] = Var(FieldContent.Text, LengthKind.LLLVar, 999);
            f[62] = Var(FieldContent.BinaryHex, LengthKind.LLLVar, 128);
            f[63] = Var(FieldContent.Text, LengthKind.LLLVar, 999);
            f[64] = new FieldCodec(FieldContent.BinaryHex, LengthKind.Fixed, 8, false, true);
            f[70] = Numeric(3);
            f[90] = Numeric(42);
            f[128] = new FieldCodec(FieldContent.BinaryHex, LengthKind.Fixed, 8, false, true);
            return f;
        }

        private static FieldCodec Numeric(int length)
        {
            return new FieldCodec(FieldContent.NumericAscii, LengthKind.Fixed, length, false, false);
        }

        private static FieldCodec Text(int length)
        {
            return new FieldCodec(FieldContent.Text, LengthKind.Fixed, length, false, true);
        }

        private static FieldCodec Var(FieldContent content, LengthKind kind, int max)
        {
            return new FieldCodec(content, kind, max, false, true);
        }
    }
}
