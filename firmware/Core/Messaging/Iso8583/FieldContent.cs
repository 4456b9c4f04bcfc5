namespace PosFirmware.Messaging.Iso8583
{
    /// <summary>What a field holds and how its body is encoded.</summary>
    public enum FieldContent
    {
        /// <summary>Digits, packed two per byte (BCD).</summary>
        NumericBcd = 0,
        /// <summary>Digits as ASCII characters.</summary>
        NumericAscii = 1,
        /// <summary>Printable ASCII (an, ans).</summary>
        Text = 2,
        /// <summary>Raw bytes (b).</summary>
        Binary = 3,
        /// <summary>Track 2 in BCD: digits and '=' sent as nibble D (z).</summary>
        Track2Bcd = 4,
        /// <summary>Raw bytes sent as two hex ASCII characters each (binary fields of ASCII formats, jPOS IFA_BINARY).</summary>
        BinaryHex = 5,
    }
}
