namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>
    /// Field formats of a binary message (jPOS IFB_* field packagers, iso87binary): numbers in BCD,
    /// length prefixes in BCD, text in ASCII. Each factory is named after the spec's format (n, z, an,
    /// b; fixed, LL, LLL) and takes the length first and the field's name second, as a jPOS packager
    /// line does, so a table reads against PAYMENTS.md section 3 line by line.
    /// </summary>
    public static class BinaryFields
    {
        /// <summary>n, fixed, BCD (IFB_NUMERIC); a shorter value gets leading zeros.</summary>
        public static FieldCodec Numeric(int digits, string name, BcdAlign align)
        {
            return Bcd(name, FieldContent.NumericBcd, LengthKind.Fixed, digits, align);
        }

        /// <summary>n..max, BCD with a 1-byte BCD length (IFB_LLNUM).</summary>
        public static FieldCodec LLNumeric(int maxDigits, string name, BcdAlign align)
        {
            return Bcd(name, FieldContent.NumericBcd, LengthKind.LLVar, maxDigits, align);
        }

        /// <summary>n...max, BCD with a 2-byte BCD length (IFB_LLLNUM).</summary>
        public static FieldCodec LLLNumeric(int maxDigits, string name, BcdAlign align)
        {
            return Bcd(name, FieldContent.NumericBcd, LengthKind.LLLVar, maxDigits, align);
        }

        /// <summary>z..max, track data in BCD ('=' as nibble D) with a 1-byte BCD length (IFB_LLHNUM).</summary>
        public static FieldCodec LLTrack(int maxDigits, string name, BcdAlign align)
        {
            return Bcd(name, FieldContent.Track2Bcd, LengthKind.LLVar, maxDigits, align);
        }

        /// <summary>z...max, track data in BCD with a 2-byte BCD length.</summary>
        public static FieldCodec LLLTrack(int maxDigits, string name, BcdAlign align)
        {
            return Bcd(name, FieldContent.Track2Bcd, LengthKind.LLLVar, maxDigits, align);
        }

        /// <summary>an/ans, fixed, ASCII padded with spaces on the right (IF_CHAR).</summary>
        public static FieldCodec Text(int length, string name)
        {
            return Bcd(name, FieldContent.Text, LengthKind.Fixed, length, BcdAlign.Left);
        }

        /// <summary>ans..max, ASCII with a 1-byte BCD length (IFB_LLCHAR).</summary>
        public static FieldCodec LLText(int maxLength, string name)
        {
            return Bcd(name, FieldContent.Text, LengthKind.LLVar, maxLength, BcdAlign.Left);
        }

        /// <summary>ans...max, ASCII with a 2-byte BCD length (IFB_LLLCHAR).</summary>
        public static FieldCodec LLLText(int maxLength, string name)
        {
            return Bcd(name, FieldContent.Text, LengthKind.LLLVar, maxLength, BcdAlign.Left);
        }

        /// <summary>b, fixed, raw bytes (IFB_BINARY); the length counts bytes.</summary>
        public static FieldCodec Binary(int bytes, string name)
        {
            return Bcd(name, FieldContent.Binary, LengthKind.Fixed, bytes, BcdAlign.Left);
        }

        /// <summary>b...max, raw bytes with a 2-byte BCD length counting bytes (IFB_LLLBINARY).</summary>
        public static FieldCodec LLLBinary(int maxBytes, string name)
        {
            return Bcd(name, FieldContent.Binary, LengthKind.LLLVar, maxBytes, BcdAlign.Left);
        }

        private static FieldCodec Bcd(string name, FieldContent content, LengthKind kind, int maxLength, BcdAlign align)
        {
            return new FieldCodec(name, content, kind, maxLength, PrefixEncoding.Bcd, align);
        }
    }
}
