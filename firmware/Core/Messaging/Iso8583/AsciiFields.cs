namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>
    /// Field formats of an ASCII message (jPOS IFA_* field packagers, iso87ascii): digits and text as
    /// ASCII characters, ASCII length prefixes, binary fields as two hex characters a byte. Length
    /// first, then the field's name, as a jPOS packager line.
    /// </summary>
    public static class AsciiFields
    {
        /// <summary>n, fixed, ASCII digits with leading zeros (IFA_NUMERIC).</summary>
        public static FieldCodec Numeric(int digits, string name)
        {
            return Ascii(name, FieldContent.NumericAscii, LengthKind.Fixed, digits);
        }

        /// <summary>n..max, ASCII digits with a 2-digit length (IFA_LLNUM).</summary>
        public static FieldCodec LLNumeric(int maxDigits, string name)
        {
            return Ascii(name, FieldContent.NumericAscii, LengthKind.LLVar, maxDigits);
        }

        /// <summary>an/ans, fixed, padded with spaces on the right (IF_CHAR).</summary>
        public static FieldCodec Text(int length, string name)
        {
            return Ascii(name, FieldContent.Text, LengthKind.Fixed, length);
        }

        /// <summary>ans..max with a 2-digit length (IFA_LLCHAR).</summary>
        public static FieldCodec LLText(int maxLength, string name)
        {
            return Ascii(name, FieldContent.Text, LengthKind.LLVar, maxLength);
        }

        /// <summary>ans...max with a 3-digit length (IFA_LLLCHAR).</summary>
        public static FieldCodec LLLText(int maxLength, string name)
        {
            return Ascii(name, FieldContent.Text, LengthKind.LLLVar, maxLength);
        }

        /// <summary>b, fixed, as hex characters (IFA_BINARY); the length counts bytes.</summary>
        public static FieldCodec Binary(int bytes, string name)
        {
            return Ascii(name, FieldContent.BinaryHex, LengthKind.Fixed, bytes);
        }

        /// <summary>b...max as hex characters with a 3-digit length counting characters (read as jPOS IFA_LLLCHAR).</summary>
        public static FieldCodec LLLBinary(int maxBytes, string name)
        {
            return Ascii(name, FieldContent.BinaryHex, LengthKind.LLLVar, maxBytes);
        }

        private static FieldCodec Ascii(string name, FieldContent content, LengthKind kind, int maxLength)
        {
            // Alignment only matters to BCD digits, which an ASCII message has none of.
            return new FieldCodec(name, content, kind, maxLength, PrefixEncoding.Ascii, BcdAlign.Left);
        }
    }
}
