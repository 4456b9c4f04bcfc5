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
                    _instance = new IsoPackager(Table(), MtiEncoding.Ascii, BitmapEncoding.HexAscii);
                }

                return _instance;
            }
        }

        // One line per field, as jPOS's ISO87APackager: format, length, name.
        private static FieldCodec[] Table()
        {
            FieldCodec[] f = new FieldCodec[IsoMessage.MaxField + 1];
            f[2] = AsciiFields.LLNumeric(19, "primary account number");
            f[3] = AsciiFields.Numeric(6, "processing code");
            f[4] = AsciiFields.Numeric(12, "amount, transaction");
            f[7] = AsciiFields.Numeric(10, "transmission date and time");
            f[11] = AsciiFields.Numeric(6, "system trace audit number");
            f[12] = AsciiFields.Numeric(6, "time, local transaction");
            f[13] = AsciiFields.Numeric(4, "date, local transaction");
            f[14] = AsciiFields.Numeric(4, "date, expiration");
            f[15] = AsciiFields.Numeric(4, "date, settlement");
            f[18] = AsciiFields.Numeric(4, "merchant type");
            f[22] = AsciiFields.Numeric(3, "point of service entry mode");
            f[23] = AsciiFields.Numeric(3, "card sequence number");
            f[24] = AsciiFields.Numeric(3, "network international identifier");
            f[25] = AsciiFields.Numeric(2, "point of service condition code");
            f[26] = AsciiFields.Numeric(2, "point of service PIN capture code");
            f[32] = AsciiFields.LLNumeric(11, "acquiring institution identification code");
            f[35] = AsciiFields.LLText(37, "track 2 data");
            f[37] = AsciiFields.Text(12, "retrieval reference number");
            f[38] = AsciiFields.Text(6, "authorization identification response");
            f[39] = AsciiFields.Text(2, "response code");
            f[41] = AsciiFields.Text(8, "card acceptor terminal identification");
            f[42] = AsciiFields.Text(15, "card acceptor identification code");
            f[43] = AsciiFields.Text(40, "card acceptor name/location");
            f[48] = AsciiFields.LLLText(999, "additional data, private");
            f[49] = AsciiFields.Text(3, "currency code, transaction");
            f[52] = AsciiFields.Binary(8, "PIN data");
            f[53] = AsciiFields.Numeric(16, "security related control information");
            f[54] = AsciiFields.LLLText(120, "additional amounts");
            f[55] = AsciiFields.LLLBinary(255, "ICC system related data");
            f[60] = AsciiFields.LLLText(999, "reserved national");
            f[61] = AsciiFields.LLLText(999, "reserved private");
            f[62] = AsciiFields.LLLBinary(128, "reserved private (working keys)");
            f[63] = AsciiFields.LLLText(999, "reserved private (settlement totals)");
            f[64] = AsciiFields.Binary(8, "message authentication code");
            f[70] = AsciiFields.Numeric(3, "network management information code");
            f[90] = AsciiFields.Numeric(42, "original data elements");
            f[128] = AsciiFields.Binary(8, "message authentication code (secondary)");
            return f;
        }
    }
}
