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

        /// <summary>
        /// The real UnionPay field 55 of PAYMENTS.md section 9 [WPOS makeSale], in the request tag
        /// order (9F1E and 9F09 absent, as in the sample).
        /// </summary>
        public const string Field55 =
            "9F2608E7B33BDAB05F4D2F" + "9F270180" + "9F100807010103A0200201" + "9F3704BB9E542C" + "9F36020006" +
            "950500800080009A031703029C01199F02060000000000015F2A02034482027C009F1A0203449F3303E0E1C8" +
            "9F34031E03009F3501228408A0000003330101029F410400000077";

        /// <summary>What a reversal keeps of it: 95, 9F10, 9F36 (PAYMENTS.md section 4).</summary>
        public const string ReversalField55 = "950500800080009F100807010103A02002019F36020006";
    }
}
