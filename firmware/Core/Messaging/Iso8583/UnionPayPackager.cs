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
                    _instance = new IsoPackager(Table(), MtiEncoding.Bcd, BitmapEncoding.Binary);
                }

                return _instance;
            }
        }

        // One line per field, as the table of PAYMENTS.md section 3: format, length, name, and for
        // odd BCD digits where the pad nibble goes (Left: "right-pad 0", pad last).
        private static FieldCodec[] Table()
        {
            FieldCodec[] f = new FieldCodec[IsoMessage.MaxField + 1];
            f[2] = BinaryFields.LLNumeric(19, "primary account number", BcdAlign.Left);
            f[3] = BinaryFields.Numeric(6, "processing code", BcdAlign.Right);
            f[4] = BinaryFields.Numeric(12, "amount, transaction", BcdAlign.Right);
            f[11] = BinaryFields.Numeric(6, "system trace audit number", BcdAlign.Right);
            f[12] = BinaryFields.Numeric(6, "time, local transaction", BcdAlign.Right);
            f[13] = BinaryFields.Numeric(4, "date, local transaction", BcdAlign.Right);
            f[14] = BinaryFields.Numeric(4, "date, expiration", BcdAlign.Right);
            f[15] = BinaryFields.Numeric(4, "date, settlement", BcdAlign.Right);
            f[22] = BinaryFields.Numeric(3, "point of service entry mode", BcdAlign.Left);
            f[23] = BinaryFields.Numeric(3, "card sequence number", BcdAlign.Right);
            f[25] = BinaryFields.Numeric(2, "point of service condition code", BcdAlign.Right);
            f[26] = BinaryFields.Numeric(2, "point of service PIN capture code", BcdAlign.Right);
            f[32] = BinaryFields.LLNumeric(11, "acquiring institution identification code", BcdAlign.Left);
            f[35] = BinaryFields.LLTrack(37, "track 2 data", BcdAlign.Left);
            f[36] = BinaryFields.LLLTrack(104, "track 3 data", BcdAlign.Left);
            f[37] = BinaryFields.Text(12, "retrieval reference number");
            f[38] = BinaryFields.Text(6, "authorization identification response");
            f[39] = BinaryFields.Text(2, "response code");
            f[41] = BinaryFields.Text(8, "card acceptor terminal identification");
            f[42] = BinaryFields.Text(15, "card acceptor identification code");
            f[44] = BinaryFields.LLText(25, "additional response data");
            f[48] = BinaryFields.LLLNumeric(322, "additional data, private (settlement totals)", BcdAlign.Left);
            f[49] = BinaryFields.Text(3, "currency code, transaction");
            f[52] = BinaryFields.Binary(8, "PIN data");
            f[53] = BinaryFields.Numeric(16, "security related control information", BcdAlign.Right);
            f[54] = BinaryFields.LLLText(20, "additional amounts");
            f[55] = BinaryFields.LLLBinary(255, "ICC system related data");
            f[60] = BinaryFields.LLLNumeric(17, "reserved private (type, batch, network code)", BcdAlign.Left);
            f[61] = BinaryFields.LLLNumeric(29, "original message (batch, STAN, date)", BcdAlign.Left);
            f[62] = BinaryFields.LLLBinary(512, "reserved private (working keys)");
            f[63] = BinaryFields.LLLText(163, "reserved private (operator, card organisation)");
            f[64] = BinaryFields.Binary(8, "message authentication code");
            return f;
        }
    }
}
