using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;

namespace PosFirmware.Payments.State.Records
{
    /// <summary>BatchAdd: one approved transaction of the current batch (flags: 1 offline, 2 voided).</summary>
    internal sealed class BatchAddRecord : RecordCodec
    {
        private const int OfflineFlag = 1;
        private const int VoidedFlag = 2;

        public static bool Add(JournalBatch batch, RecordWriter w, BatchRecord r)
        {
            BatchEntry e = r.Entry;
            return batch.Add(RecordType.BatchAdd, w.Reset().I32(e.Stan).I32(e.Batch).U8((int)e.Type).I64(e.AmountMinor).Ascii(e.LocalTime).Ascii(e.LocalDate)
                .U8((int)e.Entry).Ascii(e.Rrn).Ascii(e.AuthCode).Ascii(r.MaskedPan).U16(r.OutcomeCode)
                .U8((r.Offline ? OfflineFlag : 0) | (r.Voided ? VoidedFlag : 0)).I32(r.RefersToStan));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            BatchRecord b = new BatchRecord();
            BatchEntry e = b.Entry;
            e.Stan = r.I32();
            e.Batch = r.I32();
            e.Type = (TransactionType)r.U8();
            e.AmountMinor = r.I64();
            e.LocalTime = r.Ascii();
            e.LocalDate = r.Ascii();
            e.Entry = (PosEntryMode)r.U8();
            e.Rrn = r.Ascii();
            e.AuthCode = r.Ascii();
            b.MaskedPan = r.Ascii();
            b.OutcomeCode = r.U16();
            int flags = r.U8();
            b.RefersToStan = r.I32();
            b.Offline = (flags & OfflineFlag) != 0;
            b.Voided = (flags & VoidedFlag) != 0;
            return r.Complete && s.AddToBatch(b);
        }
    }

    /// <summary>BatchVoid: the transaction of the batch with this STAN was voided.</summary>
    internal sealed class BatchVoidRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, int stan)
        {
            return batch.Add(RecordType.BatchVoid, w.Reset().I32(stan));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            BatchRecord b = s.FindInBatch(r.I32());
            if (!r.Complete || b == null)
            {
                return false;
            }

            b.Voided = true;
            return true;
        }
    }

    /// <summary>
    /// BatchOpened: the batch with this number is open and empty; the manual-handling lists and the
    /// failed advices went with the settled one (its settlement slip listed them).
    /// </summary>
    internal sealed class BatchOpenedRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, int number)
        {
            return batch.Add(RecordType.BatchOpened, w.Reset().I32(number));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int number = r.I32();
            if (!r.Complete || number < 1 || number > TerminalState.MaxBatch)
            {
                return false;
            }

            s.Batch = number;
            s.Settling = false;
            s.ClearBatch();
            s.ClearManual();
            s.ClearManualRefunds();
            s.ClearFailedAdvices();
            return true;
        }
    }

    /// <summary>SettlementStarted: a settlement of the current batch (this number) was sent; BatchOpened ends it.</summary>
    internal sealed class SettlementStartedRecord : RecordCodec
    {
        public static bool Add(JournalBatch batch, RecordWriter w, int number)
        {
            return batch.Add(RecordType.SettlementStarted, w.Reset().I32(number));
        }

        public override bool Apply(RecordReader r, TerminalState s)
        {
            int number = r.I32();
            if (!r.Complete || number != s.Batch)
            {
                return false;
            }

            s.Settling = true;
            return true;
        }
    }
}
