namespace PosFirmware.Payments.State
{
    /// <summary>The journal record types of the terminal state. Stored on flash: never renumber, only add.</summary>
    public static class RecordType
    {
        public const byte StanReserved = 1;
        public const byte ReversalArmed = 2;
        public const byte ReversalAttempt = 3;
        public const byte ReversalCleared = 4;
        public const byte ReversalManual = 5;
        public const byte BatchAdd = 6;
        public const byte BatchVoid = 7;
        public const byte Last = 8;
        public const byte AdviceQueued = 9;
        public const byte AdviceAttempt = 10;
        public const byte AdviceDone = 11;
        public const byte AdviceFailed = 12;
        public const byte BatchOpened = 13;
        public const byte Event = 14;
        /// <summary>Snapshot form of a reversal in the manual-handling list.</summary>
        public const byte ManualReversal = 15;
        /// <summary>A refund about to be sent, durable before it leaves (PendingRefund, attempts included).</summary>
        public const byte RefundArmed = 16;
        public const byte RefundAttempt = 17;
        /// <summary>The refund was answered: its result is in the same commit (batch record, last transaction).</summary>
        public const byte RefundCleared = 18;
        public const byte RefundManual = 19;
        /// <summary>Snapshot form of a refund in the manual-handling list.</summary>
        public const byte ManualRefund = 20;
        /// <summary>A reversal the host confirmed (ConfirmedReversal, with its notice due flag), kept for its confirmation slip.</summary>
        public const byte ReversalConfirmed = 21;
        /// <summary>
        /// The original request's time (When) of the ReversalArmed record just before it (same STAN). Apart, not
        /// appended: a reader of the older firmware drops a record longer than it expects, and skips
        /// an unknown type, so after a rollback the pending reversal is still recovered.
        /// </summary>
        public const byte ReversalTime = 22;
        /// <summary>The response code, batch and reversal time of the Last record just before it (same STAN); apart for the same reason.</summary>
        public const byte LastDetail = 23;
        /// <summary>The idle screen said these confirmed reversals (STANs): their notices are no longer due.</summary>
        public const byte ReversalNoticed = 24;
        /// <summary>Snapshot: how many manual reversals and unknown refunds of the batch no longer fit their lists.</summary>
        public const byte ManualOverflow = 25;
        /// <summary>A settlement of the current batch was sent: the host may close it any moment; cleared by BatchOpened.</summary>
        public const byte SettlementStarted = 26;
    }
}
