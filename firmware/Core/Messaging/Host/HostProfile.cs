using PosFirmware.Messaging.HostLink;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Security;

namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// Everything that differs between acquirer hosts, as data (PAYMENTS.md: "the terminal makes it
    /// a parameter of the host profile instead of hard-coding one"): the packager and framing, the
    /// codes of each transaction and network message, the MAC, the sign-on key format, the
    /// settlement style, which optional fields travel, which reversal answers count as done, and
    /// whether offline approval is allowed at all. Two profiles ship: UnionPay POS and an
    /// international ASCII host in the NLD style; a terminal maker adds a host by adding a factory.
    /// </summary>
    public sealed class HostProfile
    {
        private readonly TransactionCodes[] _codes = new TransactionCodes[TransactionRules.TypeCount];
        private int _utcOffsetMinutes;

        private HostProfile()
        {
        }

        /// <summary>A short name for logs and the settings screen.</summary>
        public string Name { get; private set; }

        public IsoPackager Packager { get; private set; }

        public FramingProfile Framing { get; private set; }

        /// <summary>
        /// True for the UnionPay field layouts: 60 = 60.1 type + 60.2 batch + 60.3 management code
        /// (+ 60.4 capability + 60.5), 61 = original batch + STAN (+ date), operator in 63 of sign-on and
        /// settlement. False: management code in field 70, batch in 60 of settlement only, NII in 24.
        /// </summary>
        public bool UnionPayFields { get; private set; }

        /// <summary>Field 49, three digits ("156" for CNY).</summary>
        public string CurrencyCode { get; private set; }

        public MacAlgorithm Mac { get; private set; }

        /// <summary>The working-key layout of 0810 field 62 (and UnionPay's sign-on 60.3).</summary>
        public SignOnKeyFormat KeyFormat { get; private set; }

        public SettlementStyle Settlement { get; private set; }

        /// <summary>Field 24 on every request, or null when the host takes none.</summary>
        public string Nii { get; private set; }

        /// <summary>True when requests carry the local time and date (fields 12 and 13).</summary>
        public bool SendsLocalTime { get; private set; }

        /// <summary>
        /// The terminal's local time as minutes east of UTC (Common/LocalClock): fields 12/13, tags
        /// 9A/9F21, slips and screens. UnionPay: +480 (China standard time, which its hosts and
        /// terminals keep). International: 0, because such a host serves terminals in every zone
        /// and no default is right: UTC at least is nobody's wrong local date by accident of
        /// configuration, and it keeps what such terminals did before; set it where it is installed.
        /// </summary>
        public int UtcOffsetMinutes
        {
            get { return _utcOffsetMinutes; }
            set
            {
                if (!Common.LocalClock.OffsetIsValid(value))
                {
                    throw new System.ArgumentOutOfRangeException("value", "UTC offsets run from -12:00 to +14:00");
                }

                _utcOffsetMinutes = value;
            }
        }

        /// <summary>
        /// The time zone of the host's own clock, as minutes east of UTC: the sign-on answer's 12/13
        /// are read in it (an unset terminal clock is set from them). UnionPay: +480 (its hosts keep
        /// China standard time). International: 0 (hosts that serve every zone keep UTC). Not the
        /// terminal's UtcOffsetMinutes: a terminal at -05:00 talking to a UTC host must not read the
        /// host's 15:00 as its own 15:00.
        /// </summary>
        public int HostUtcOffsetMinutes
        {
            get { return _hostUtcOffsetMinutes; }
            set
            {
                if (!Common.LocalClock.OffsetIsValid(value))
                {
                    throw new System.ArgumentOutOfRangeException("value", "UTC offsets run from -12:00 to +14:00");
                }

                _hostUtcOffsetMinutes = value;
            }
        }

        private int _hostUtcOffsetMinutes;

        /// <summary>UnionPay 60.4: "6" for a terminal that reads contactless cards.</summary>
        public string TerminalCapability { get; private set; }

        /// <summary>Answers to a reversal that settle it: 00, and for some hosts 12 or 25 (original not found).</summary>
        public string[] ReversalDoneCodes { get; private set; }

        /// <summary>
        /// True when a retried reversal or advice goes as the repeat MTI (0401, 0221): ISO 8583:1987
        /// practice. False for UnionPay, whose POS spec has no repeat MTI: the 0400 and 0220 are
        /// resent unchanged (PAYMENTS.md section 4).
        /// </summary>
        public bool RepeatMtiOnRetry { get; private set; }

        /// <summary>True when the host accepts offline approvals under the floor limit at all.</summary>
        public bool AllowsOffline { get; private set; }

        /// <summary>True when "unable to go online, approved" (Y3) is allowed; most acquirers forbid it.</summary>
        public bool AllowsUnableToGoOnlineApproval { get; private set; }

        public NetworkCodes SignOn { get; private set; }

        public NetworkCodes SignOff { get; private set; }

        public NetworkCodes Echo { get; private set; }

        /// <summary>The first settlement request of a batch.</summary>
        public NetworkCodes SettlementRequest { get; private set; }

        /// <summary>One transaction of a batch upload after an unbalanced settlement (UnionPay 60.3 = 201: magstripe, manual, contactless).</summary>
        public NetworkCodes BatchUpload { get; private set; }

        /// <summary>
        /// The batch end after a balanced settlement: UnionPay 0320 with 60.3 = 207; international
        /// hosts send none (EndsBalancedBatch is false).
        /// </summary>
        public NetworkCodes BatchEnd { get; private set; }

        /// <summary>The batch end after an unbalanced settlement and the upload: UnionPay 0320 with 60.3 = 202; international the closing 0500 (960000).</summary>
        public NetworkCodes BatchEndUnbalanced { get; private set; }

        /// <summary>The upload of a transaction read from a contact chip after a balanced settlement (UnionPay 60.3 = 203: it delivers the TC).</summary>
        public NetworkCodes ChipUploadBalanced { get; private set; }

        /// <summary>The upload of a transaction read from a contact chip after an unbalanced settlement (UnionPay 60.3 = 205).</summary>
        public NetworkCodes ChipUploadUnbalanced { get; private set; }

        /// <summary>
        /// True when a balanced settlement is still followed by the upload of the chip transactions
        /// and a batch end (UnionPay: the host closes the batch on the 0320 with 60.3 = 207); false when
        /// the balanced answer itself closes it (international 920000 answered 00).
        /// </summary>
        public bool EndsBalancedBatch { get; private set; }

        /// <summary>The codes of a transaction type.</summary>
        public TransactionCodes Codes(TransactionType type)
        {
            return _codes[(int)type];
        }

        /// <summary>
        /// UnionPay POS (PAYMENTS.md sections 2, 3, 5, 7): BCD/binary packager, TPDU + header framing,
        /// UnionPay POS MAC, double-length keys (60.3 = 003), field 48 settlement, offline allowed.
        /// </summary>
        public static HostProfile UnionPay(byte[] tpdu, byte[] header)
        {
            HostProfile p = new HostProfile();
            p.Name = "UnionPay";
            p.Packager = UnionPayPackager.Instance;
            p.Framing = FramingProfile.UnionPay(tpdu, header);
            p.UnionPayFields = true;
            p.CurrencyCode = "156";
            p.Mac = MacAlgorithm.UnionPayPos;
            p.KeyFormat = SignOnKeyFormat.DoubleLength;
            p.Settlement = SettlementStyle.UnionPay;
            p.TerminalCapability = "6";
            p.UtcOffsetMinutes = 8 * 60;
            p.HostUtcOffsetMinutes = 8 * 60;
            p.ReversalDoneCodes = new string[] { "00", "12", "25" };
            p.RepeatMtiOnRetry = false;
            p.AllowsOffline = true;
            p.Set(TransactionType.Balance, "0200", "310000", "00", "01");
            p.Set(TransactionType.PreAuth, "0100", "030000", "06", "10");
            p.Set(TransactionType.PreAuthVoid, "0100", "200000", "06", "11");
            p.Set(TransactionType.Completion, "0200", "000000", "06", "20");
            p.Set(TransactionType.CompletionVoid, "0200", "200000", "06", "21");
            p.Set(TransactionType.Sale, "0200", "000000", "00", "22");
            p.Set(TransactionType.Void, "0200", "200000", "00", "23");
            p.Set(TransactionType.Refund, "0220", "200000", "00", "25");
            p.SignOn = new NetworkCodes("0800", null, "00" + (int)p.KeyFormat);
            p.SignOff = new NetworkCodes("0820", null, "002");
            p.Echo = new NetworkCodes("0820", null, "301");
            p.SettlementRequest = new NetworkCodes("0500", null, "201");
            p.BatchUpload = new NetworkCodes("0320", null, "201");
            p.ChipUploadBalanced = new NetworkCodes("0320", null, "203");
            p.ChipUploadUnbalanced = new NetworkCodes("0320", null, "205");
            p.BatchEnd = new NetworkCodes("0320", null, "207");
            p.BatchEndUnbalanced = new NetworkCodes("0320", null, "202");
            p.EndsBalancedBatch = true;
            return p;
        }

        /// <summary>
        /// An international ASCII host in the NLD style (PAYMENTS.md section 2): iso87ascii packager,
        /// plain length framing, X9.9 MAC, NII 001, local time sent, single-length keys, settlement
        /// 920000 then 960000 after an upload, no offline approval.
        /// </summary>
        public static HostProfile International()
        {
            HostProfile p = new HostProfile();
            p.Name = "International";
            p.Packager = AsciiPackager.Instance;
            p.Framing = FramingProfile.International();
            p.UnionPayFields = false;
            p.CurrencyCode = "156";
            p.Mac = MacAlgorithm.AnsiX99;
            p.KeyFormat = SignOnKeyFormat.SingleLength;
            p.Settlement = SettlementStyle.International;
            p.Nii = "001";
            p.SendsLocalTime = true;
            p.TerminalCapability = "6";
            p.UtcOffsetMinutes = 0;
            p.HostUtcOffsetMinutes = 0;
            p.ReversalDoneCodes = new string[] { "00" };
            p.RepeatMtiOnRetry = true;
            p.AllowsOffline = false;
            p.Set(TransactionType.Balance, "0100", "310000", "00", "01");
            p.Set(TransactionType.PreAuth, "0100", "300000", "06", "10");
            p.Set(TransactionType.PreAuthVoid, "0100", "020000", "06", "11");
            p.Set(TransactionType.Completion, "0220", "000000", "06", "20");
            p.Set(TransactionType.CompletionVoid, "0200", "020000", "06", "21");
            p.Set(TransactionType.Sale, "0200", "000000", "00", "22");
            p.Set(TransactionType.Void, "0200", "020000", "00", "23");
            p.Set(TransactionType.Refund, "0200", "200000", "00", "25");
            p.SignOn = new NetworkCodes("0800", "920000", "001");
            p.SignOff = new NetworkCodes("0800", "920000", "002");
            p.Echo = new NetworkCodes("0800", "990000", "301");
            p.SettlementRequest = new NetworkCodes("0500", "920000", null);
            p.BatchUpload = new NetworkCodes("0320", null, null);
            p.ChipUploadBalanced = null;
            p.ChipUploadUnbalanced = p.BatchUpload;
            p.BatchEnd = null;
            p.BatchEndUnbalanced = new NetworkCodes("0500", "960000", null);
            p.EndsBalancedBatch = false;
            return p;
        }

        /// <summary>
        /// How one approved transaction of the batch is uploaded after a settlement that was balanced
        /// or not, or null when it is not uploaded then (Messaging/Host/README.md "UnionPay settlement
        /// rules"): after a balanced settlement only contact-chip transactions go (their TC); after an
        /// unbalanced one every transaction goes, chip ones with their own code.
        /// </summary>
        public NetworkCodes UploadCodes(PosEntryMode entry, bool balanced)
        {
            bool chip = entry == PosEntryMode.Chip;
            if (balanced)
            {
                return EndsBalancedBatch && chip ? ChipUploadBalanced : null;
            }

            return chip ? ChipUploadUnbalanced : BatchUpload;
        }

        /// <summary>The batch end after a settlement that was balanced or not; null when there is none.</summary>
        public NetworkCodes BatchEndCodes(bool balanced)
        {
            return balanced ? (EndsBalancedBatch ? BatchEnd : null) : BatchEndUnbalanced;
        }

        /// <summary>True when a message of this MTI carries a MAC under this profile.</summary>
        public bool MacsMessage(string mti)
        {
            if (Mac == MacAlgorithm.None || mti == null || mti.Length != 4)
            {
                return false;
            }

            // Authorisation, financial, reversal: yes. Network management, reconciliation and
            // batch upload carry none: the keys may not exist yet (sign-on) or they carry no money.
            char c = mti[1];
            return c == '1' || c == '2' || c == '4';
        }

        /// <summary>True when answer code settles a pending reversal.</summary>
        public bool IsReversalDone(string responseCode)
        {
            for (int i = 0; i < ReversalDoneCodes.Length; i++)
            {
                if (ReversalDoneCodes[i] == responseCode)
                {
                    return true;
                }
            }

            return false;
        }

        private void Set(TransactionType type, string mti, string processing, string condition, string typeCode)
        {
            _codes[(int)type] = new TransactionCodes(mti, processing, condition, typeCode);
        }
    }
}
