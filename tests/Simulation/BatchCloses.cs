using System.Collections.Generic;
using PosFirmware.App.Engine;
using PosFirmware.Virtual.Terminal;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;

namespace PosFirmware.Simulation
{
    /// <summary>
    /// What the terminal held when it closed each batch, taken from its state just before the close
    /// is written (IDurableState.OpenNextBatch; a later close of the same batch, after a failed write,
    /// replaces it): the checker compares it with what the host settled. A decorator of the
    /// engine's durable port: every step goes on to Inner (the switches, then the journal's port).
    /// </summary>
    public sealed class BatchCloses : DurableStateDecorator
    {
        public BatchCloses(IDurableState inner)
            : base(inner)
        {
        }

        /// <summary>One record of a closed batch.</summary>
        public sealed class Record
        {
            public int Batch;
            public int Stan;
            public TransactionType Type;
            public long AmountMinor;
            public bool Voided;
            /// <summary>An offline sale whose advice failed: the host never heard of it (the acquirer's, on the report).</summary>
            public bool Undelivered;
        }

        /// <summary>A batch as the terminal closed it.</summary>
        public sealed class Close
        {
            public int Batch;
            public List<Record> Records = new List<Record>();
            /// <summary>STANs on the manual lists then (reversals and refunds whose retries ran out).</summary>
            public HashSet<int> Manual = new HashSet<int>();

            /// <summary>The totals the host should hold: the terminal's, less what never reached it.</summary>
            public SettlementTotals Delivered()
            {
                var t = new SettlementTotals();
                foreach (Record r in Records)
                {
                    if (!r.Voided && !r.Undelivered)
                    {
                        t.Add(r.Type, r.AmountMinor);
                    }
                }

                return t;
            }
        }

        public Dictionary<int, Close> ByBatch { get; } = new Dictionary<int, Close>();

        public override JournalStatus OpenNextBatch(LoggedEvent e)
        {
            TerminalState s = State;
            var c = new Close { Batch = s.Batch };
            for (int i = 0; i < s.BatchCount; i++)
            {
                BatchRecord r = s.BatchAt(i);
                c.Records.Add(new Record
                {
                    Batch = r.Entry.Batch, Stan = r.Entry.Stan, Type = r.Entry.Type, AmountMinor = r.Entry.AmountMinor,
                    Voided = r.Voided, Undelivered = r.Offline && s.FindAdvice(r.Entry.Stan) != null,
                });
            }

            for (int i = 0; i < s.ManualCount; i++)
            {
                c.Manual.Add(s.ManualAt(i).Stan);
            }

            for (int i = 0; i < s.ManualRefundCount; i++)
            {
                c.Manual.Add(s.ManualRefundAt(i).Stan);
            }

            ByBatch[c.Batch] = c;
            return Inner.OpenNextBatch(e);
        }
    }
}
