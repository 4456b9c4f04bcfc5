using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>The codec of each record type, indexed by its RecordType number; a type without one is unknown.</summary>
    internal static class RecordCodecs
    {
        private static readonly RecordCodec[] ByType = Build();

        /// <summary>Applies one record; false for an unknown type or a payload its codec refused.</summary>
        public static bool Apply(byte type, RecordReader r, TerminalState s)
        {
            RecordCodec codec = type < ByType.Length ? ByType[type] : null;
            return codec != null && codec.Apply(r, s);
        }

        private static RecordCodec[] Build()
        {
            RecordCodec[] t = new RecordCodec[RecordType.SettlementStarted + 1];
            t[RecordType.StanReserved] = new StanReservedRecord();
            t[RecordType.ReversalArmed] = new ReversalArmedRecord();
            t[RecordType.ReversalTime] = new ReversalTimeRecord();
            t[RecordType.ReversalAttempt] = new ReversalAttemptRecord();
            t[RecordType.ReversalCleared] = new ReversalEndRecord(false);
            t[RecordType.ReversalManual] = new ReversalEndRecord(true);
            t[RecordType.ManualReversal] = new ManualReversalRecord();
            t[RecordType.ReversalConfirmed] = new ReversalConfirmedRecord();
            t[RecordType.ReversalNoticed] = new ReversalNoticedRecord();
            t[RecordType.RefundArmed] = new RefundRecord(true);
            t[RecordType.ManualRefund] = new RefundRecord(false);
            t[RecordType.RefundAttempt] = new RefundAttemptRecord();
            t[RecordType.RefundCleared] = new RefundEndRecord(false);
            t[RecordType.RefundManual] = new RefundEndRecord(true);
            t[RecordType.BatchAdd] = new BatchAddRecord();
            t[RecordType.BatchVoid] = new BatchVoidRecord();
            t[RecordType.BatchOpened] = new BatchOpenedRecord();
            t[RecordType.SettlementStarted] = new SettlementStartedRecord();
            t[RecordType.AdviceQueued] = new AdviceQueuedRecord();
            t[RecordType.AdviceAttempt] = new AdviceAttemptRecord();
            t[RecordType.AdviceDone] = new AdviceEndRecord(false);
            t[RecordType.AdviceFailed] = new AdviceEndRecord(true);
            t[RecordType.Last] = new LastRecord();
            t[RecordType.LastDetail] = new LastDetailRecord();
            t[RecordType.ManualOverflow] = new ManualOverflowRecord();
            t[RecordType.Event] = new EventRecord();
            return t;
        }
    }
}
