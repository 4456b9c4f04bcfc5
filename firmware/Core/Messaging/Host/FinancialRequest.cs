namespace PosFirmware.Messaging.Host
{
    /// <summary>
    /// What the terminal knows about one card transaction when it builds the request: type,
    /// amount, trace and batch, local time, card data and, for voids, refunds and completions, the
    /// transaction it refers to. The engine fills it; RequestBuilder turns it into fields.
    /// Secrets (PAN, track 2, PIN block) live here only for the transaction (invariant I7):
    /// Clear() drops them.
    /// </summary>
    public sealed class FinancialRequest
    {
        public FinancialRequest()
        {
            CardSequence = -1;
            OriginalStan = -1;
            OriginalBatch = -1;
        }

        public TransactionType Type { get; set; }

        /// <summary>Minor units (fen); ignored for a balance inquiry.</summary>
        public long AmountMinor { get; set; }

        /// <summary>Field 11, 1..999999.</summary>
        public int Stan { get; set; }

        /// <summary>The batch the transaction belongs to, 0..999999.</summary>
        public int Batch { get; set; }

        /// <summary>hhmmss local, sent when the host profile wants it.</summary>
        public string LocalTime { get; set; }

        /// <summary>MMDD local.</summary>
        public string LocalDate { get; set; }

        public PosEntryMode Entry { get; set; }

        /// <summary>12 to 19 digits, or null when only track 2 is known.</summary>
        public string Pan { get; set; }

        /// <summary>YYMM, or null.</summary>
        public string Expiry { get; set; }

        /// <summary>Track 2 (or its chip equivalent) with '=' as separator, or null.</summary>
        public string Track2 { get; set; }

        /// <summary>The card sequence number (5F34), or -1.</summary>
        public int CardSequence { get; set; }

        /// <summary>
        /// Field 55 (EMV data) or null. Lent by the caller (the engine's copy of the card's data):
        /// RequestBuilder puts this array itself into the message, and its owner wipes it.
        /// </summary>
        public byte[] IccData { get; set; }

        /// <summary>The PIN block encrypted under the PIN key, or null when no PIN was entered.</summary>
        public byte[] EncryptedPinBlock { get; set; }

        /// <summary>The referred transaction's STAN, or -1.</summary>
        public int OriginalStan { get; set; }

        /// <summary>The referred transaction's batch, or -1.</summary>
        public int OriginalBatch { get; set; }

        /// <summary>The referred transaction's date MMDD, or null.</summary>
        public string OriginalDate { get; set; }

        /// <summary>The referred transaction's auth code (field 38), or null.</summary>
        public string OriginalAuthCode { get; set; }

        /// <summary>The referred transaction's retrieval reference number (field 37), or null.</summary>
        public string OriginalRrn { get; set; }

        /// <summary>
        /// Forgets the card secrets: PAN, track 2, the PIN block (zeroed: the request owns it) and
        /// the reference to the EMV data (not zeroed here: it belongs to the caller, who wipes it;
        /// zeroing a buffer one does not own is how field 55 once left as zeros).
        /// </summary>
        public void Clear()
        {
            Pan = null;
            Track2 = null;
            Expiry = null;
            Wipe(EncryptedPinBlock);
            EncryptedPinBlock = null;
            IccData = null;
        }

        private static void Wipe(byte[] b)
        {
            if (b != null)
            {
                System.Array.Clear(b, 0, b.Length);
            }
        }
    }
}
