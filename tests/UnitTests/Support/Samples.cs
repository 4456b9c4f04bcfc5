namespace PosFirmware.UnitTests.Support
{
    /// <summary>Real messages from the payments reference, shared by the tests that use them.</summary>
    public static class Samples
    {
        /// <summary>
        /// The ISO 8583 part of the real UnionPay sign-on frame of PAYMENTS.md section 3 [WPOS]:
        /// 11=000121, 41=10020831, 42=308640041110003, 60=00000002003, 63=001.
        /// </summary>
        public const string SignOnMessage =
            "0800" + "0020000000C00012" + "000121" + "3130303230383331" + "333038363430303431313130303033" +
            "0011000000020030" + "0003303031";

        /// <summary>The whole frame: length 003C, TPDU 6006010000, header 603200324017, message.</summary>
        public const string SignOnFrame = "003C" + "6006010000" + "603200324017" + SignOnMessage;
    }
}
