namespace PosFirmware.Payments.Outcomes
{
    /// <summary>
    /// The stable numbers of the local outcomes (the engine names them). Host answers map to
    /// 100 + their code (e.g. 151 for 51; A0 is 160, a code the catalog does not know 170). Numbers are printed on
    /// slips and kept in logs: never renumber, only add.
    /// </summary>
    public static class OutcomeCodes
    {
        public const int Approved = 0;
        public const int ApprovedOffline = 1;
        public const int Settled = 2;
        public const int SettledAfterUpload = 3;
        public const int SignedOn = 4;
        public const int SignedOff = 5;
        public const int HostAnswered = 6;

        public const int HostBase = 100;
        public const int HostMacError = 160;
        public const int HostUnknownCode = 170;

        public const int Cancelled = 200;
        public const int TimeoutAmountEntry = 201;
        public const int TimeoutCard = 202;
        public const int TimeoutPin = 203;
        public const int TimeoutHost = 204;
        public const int NoNetwork = 205;
        public const int HostUnreachable = 206;
        public const int MacError = 207;
        public const int CardReadError = 208;
        public const int CardRemoved = 209;
        public const int PrinterOutOfPaper = 210;
        public const int PrinterJammed = 211;
        public const int ReaderNotAnswering = 212;
        public const int OfflineLimit = 213;
        public const int SignOnRequired = 214;
        public const int ReversalPending = 215;
        public const int ReversalFailed = 216;
        public const int PinTriesExceeded = 217;
        public const int CardNotSupported = 218;
        public const int InvalidAmount = 219;
        public const int OriginalNotInBatch = 220;
        public const int AlreadyVoided = 221;
        public const int BatchFull = 222;
        public const int HostAnswerInvalid = 223;
        public const int SaveFailed = 224;
        public const int SettlementFailed = 225;
        public const int NoTransaction = 226;
        public const int AdviceFailed = 227;
        public const int TimeoutMenu = 228;
        public const int StorageError = 229;
        public const int NoValidReply = 230;
        public const int SwipeReversed = 231;
        public const int PrinterCoverOpen = 232;
        public const int PrinterNotAnswering = 233;

        /// <summary>A refund without a trustworthy answer: kept and resent by the terminal; the merchant must not repeat it.</summary>
        public const int RefundPending = 240;
        /// <summary>A pending refund whose resends ran out: its result is unknown until checked with the acquirer.</summary>
        public const int RefundUnknown = 241;
    }
}
