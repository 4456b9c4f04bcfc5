using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>
    /// RefundArmed (the pending refund, with its attempts and message) and ManualRefund (the snapshot
    /// form of one in the manual-handling list: the same fields without attempts and message).
    /// </summary>
    internal sealed class RefundRecord : RecordCodec
    {
        private readonly bool _armed;

        public RefundRecord(bool armed)
        {
            _armed = armed;
        }

        public static bool AddArmed(JournalBatch batch, RecordWriter w, PendingRefund f)
        {
            return batch.Add(RecordType.RefundArmed, w.Reset().I32(f.Stan).I32(f.Batch).U8((int)f.Type).I64(f.AmountMinor).U16(f.Attempts)
                .Ascii(f.LocalTime).Ascii(f.LocalDate).U8((int)f.Entry).Ascii(f.MaskedPan).I32(f.RefersToStan).Bytes(f.Message));
        }

        public static bool AddManual(JournalBatch batch, RecordWriter w, PendingRefund f)
        {
            return batch.Add(RecordType.ManualRefund, w.Reset().I32(f.Stan).I32(f.Batch).U8((int)f.Type).I64(f.AmountMinor)
                .Ascii(f.LocalTime).Ascii(f.LocalDate).U8((int)f.Entry).Ascii(f.MaskedPan).I32(f.RefersToStan));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            PendingRefund f = new PendingRefund();
            f.Stan = r.I32();
            f.Batch = r.I32();
            f.Type = (TransactionType)r.U8();
            f.AmountMinor = r.I64();
            f.Attempts = _armed ? r.U16() : 0;
            f.LocalTime = r.Ascii();
            f.LocalDate = r.Ascii();
            f.Entry = (PosEntryMode)r.U8();
            f.MaskedPan = r.Ascii();
            f.RefersToStan = r.I32();
            f.Message = _armed ? r.Bytes() : null;
            if (!r.Complete || (_armed && f.Message == null))
            {
                return false;
            }

            if (_armed)
            {
                s.Refund = f;
            }
            else
            {
                f.NeedsManualHandling = true;
                s.AddManualRefund(f);
            }

            return true;
        }
    }

    /// <summary>RefundAttempt: the pending refund's resends so far.</summary>
    internal sealed class RefundAttemptRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, int stan, int attempts)
        {
            return batch.Add(RecordType.RefundAttempt, w.Reset().I32(stan).U16(attempts));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int stan = r.I32();
            int attempts = r.U16();
            if (!r.Complete || !RefundEndRecord.IsPending(s, stan))
            {
                return false;
            }

            s.Refund.Attempts = attempts;
            return true;
        }
    }

    /// <summary>
    /// RefundCleared (answered: its result is in the same commit) and RefundManual (the resends ran
    /// out: it moves to the manual-handling list); either way its message, with the PAN, is wiped.
    /// </summary>
    internal sealed class RefundEndRecord : RecordCodec
    {
        private readonly bool _manual;

        public RefundEndRecord(bool manual)
        {
            _manual = manual;
        }

        public static bool Add(JournalBatch batch, RecordWriter w, int stan, bool manual)
        {
            return batch.Add(manual ? RecordType.RefundManual : RecordType.RefundCleared, w.Reset().I32(stan));
        }

        /// <summary>True when the pending refund has this STAN.</summary>
        public static bool IsPending(TerminalState s, int stan)
        {
            return s.Refund != null && s.Refund.Stan == stan;
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int stan = r.I32();
            if (!r.Complete || !IsPending(s, stan))
            {
                return false;
            }

            PendingRefund f = s.Refund;
            s.Refund = null;
            System.Array.Clear(f.Message, 0, f.Message.Length);
            f.Message = null;
            if (_manual)
            {
                f.NeedsManualHandling = true;
                s.AddManualRefund(f);
            }

            return true;
        }
    }
}
