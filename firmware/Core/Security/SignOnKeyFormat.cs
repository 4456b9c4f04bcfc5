namespace PosFirmware.Security
{
    /// <summary>
    /// How 0810 field 62 lays out the working keys, by the sign-on's 60.3 code (PAYMENTS.md section 7).
    /// </summary>
    public enum SignOnKeyFormat
    {
        /// <summary>60.3 = 001: PIK(8) + KCV(4), MAK(8) + KCV(4): 24 bytes.</summary>
        SingleLength = 1,

        /// <summary>60.3 = 003: PIK(16) + KCV(4), MAK(8) + 8 x 00 + KCV(4): 40 bytes.</summary>
        DoubleLength = 3,

        /// <summary>60.3 = 004: as 003, then the track key TDK(16) + KCV(4): 60 bytes.</summary>
        DoubleLengthWithTrackKey = 4,
    }
}
