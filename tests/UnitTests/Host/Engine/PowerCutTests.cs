using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Outcomes;
using PosFirmware.UnitTests.Support;
using PosFirmware.Virtual.Flash;
using PosFirmware.Virtual.Terminal;

namespace PosFirmware.UnitTests.Engine
{
    /// <summary>
    /// The whole terminal (run loop, engine, journal on VirtualFlash, virtual network, the
    /// acquirer) through a sale, a void and a settlement, with the power cut before and after
    /// every flash operation of the flow in turn, not a sample. After each cut the terminal powers
    /// on, recovers and runs with a healthy host; then I1-I4 must hold.
    /// </summary>
    [TestClass]
    public sealed class PowerCutTests
    {
        private const string Pan = "6228480000000000001";
        private const long Opening = 100_000_000;

        private sealed class Flow
        {
            public Action<World, SimulatedTerminal> Before;
            public Action<World, SimulatedTerminal> Run;
        }

        private static World NewWorld(out SimulatedTerminal t)
        {
            var w = new World(TestHost.UnionPay(), SignOnKeys.Tmk, 20261122);
            t = w.AddTerminal("10020831");
            Assert.IsTrue(t.PowerOn());
            w.RunFor(5_000);
            Assert.AreEqual(ScreenId.Idle, t.Ports.Screen.Id);
            return w;
        }

        private static void Sale(World w, SimulatedTerminal t, string amount, CardData card)
        {
            t.Ports.Type("E" + amount + "E");
            t.Ports.Present(card);
            w.RunFor(20_000);
        }

        private static readonly Flow SaleFlow = new Flow
        {
            Before = (w, t) => { },
            Run = (w, t) => Sale(w, t, "6000", EngineRig.Contactless()),
        };

        private static readonly Flow VoidFlow = new Flow
        {
            Before = (w, t) => Sale(w, t, "6000", EngineRig.Contactless()),
            Run = (w, t) =>
            {
                t.Ports.Type("FF2" + t.State.BatchAt(0).Entry.Stan + "E");
                t.Ports.Present(EngineRig.Contactless());
                w.RunFor(20_000);
            },
        };

        private static readonly Flow SettlementFlow = new Flow
        {
            Before = (w, t) =>
            {
                Sale(w, t, "6000", EngineRig.Contactless());
                Sale(w, t, "1500", EngineRig.Contactless());
            },
            Run = (w, t) =>
            {
                t.Ports.Type("FFF1E");
                w.RunFor(30_000);
            },
        };

        /// <summary>A refund of this batch's sale: kept on flash before it leaves, resent after a cut until answered.</summary>
        private static readonly Flow RefundFlow = new Flow
        {
            Before = (w, t) => Sale(w, t, "6000", EngineRig.Contactless()),
            Run = (w, t) =>
            {
                t.Ports.Type("FF3" + t.State.BatchAt(0).Entry.Stan + "E2500E");
                t.Ports.Present(EngineRig.Swipe());
                w.RunFor(20_000);
            },
        };

        [TestMethod]
        public void Sale_CutAtEveryFlashOperation() => CutEverywhere(SaleFlow, "sale");

        [TestMethod]
        public void Refund_CutAtEveryFlashOperation() => CutEverywhere(RefundFlow, "refund");

        [TestMethod]
        public void Void_CutAtEveryFlashOperation() => CutEverywhere(VoidFlow, "void");

        [TestMethod]
        public void Settlement_CutAtEveryFlashOperation() => CutEverywhere(SettlementFlow, "settlement");

        private static void CutEverywhere(Flow flow, string name)
        {
            // The flow without a cut: which operations it does.
            World clean = NewWorld(out SimulatedTerminal ct);
            flow.Before(clean, ct);
            long first = ct.Flash.OperationCount;
            flow.Run(clean, ct);
            long last = ct.Flash.OperationCount;
            Assert.IsTrue(last - first >= 4, name + " does few flash operations: " + (last - first));
            Check(clean, ct, name + " without a cut");

            int cuts = 0;
            for (long op = first; op < last; op++)
            {
                foreach (CutPoint point in new[] { CutPoint.Before, CutPoint.After })
                {
                    World w = NewWorld(out SimulatedTerminal t);
                    flow.Before(w, t);
                    Assert.AreEqual(first, t.Flash.OperationCount, "the flow replays identically");
                    t.Flash.ScheduleCut(op, point);
                    flow.Run(w, t);
                    string where = name + ": cut " + point + " operation " + op + " of " + first + ".." + last;
                    Assert.IsFalse(t.IsOn, "the cut happened: " + where);
                    cuts++;
                    Assert.IsTrue(t.PowerOn(), where);
                    w.RunFor(60_000);
                    Check(w, t, where);
                }
            }

            Assert.AreEqual(2 * (last - first), cuts);
        }

        /// <summary>I1-I4 once the faults stopped and pending work was delivered.</summary>
        private static void Check(World w, SimulatedTerminal t, string where)
        {
            string log = string.Join("\n", w.Acquirer.Log.TakeLast(30));
            Assert.AreEqual(ScreenId.Idle, t.Ports.Screen.Id, where + "\n" + log);
            // I4: nothing pending after recovery with a healthy host.
            Assert.IsNull(t.State.Reversal, "I4: " + where);
            Assert.AreEqual(0, t.State.ManualCount, where);
            Assert.IsNull(t.State.Refund, "a pending refund is delivered: " + where);
            Assert.AreEqual(0, t.State.ManualRefundCount, where);

            if (w.Acquirer.IsSettled("10020831", t.State.Batch))
            {
                // The host closed the batch but the terminal lost the answer: settling again agrees (I6).
                t.Ports.Type("FFF1E");
                w.RunFor(30_000);
                Assert.IsFalse(w.Acquirer.IsSettled("10020831", t.State.Batch), "I6: the terminal closed its batch too: " + where + "\n" + log);
                t.Ports.Type("E");
                w.RunFor(5_000);
            }

            // I1 and I2: the host's net effect equals the terminal's records, applied once.
            long terminalNet = 0;
            for (int i = 0; i < t.State.BatchCount; i++)
            {
                var r = t.State.BatchAt(i);
                var e = w.Acquirer.Find("10020831", r.Entry.Batch, r.Entry.Stan);
                if (!r.Offline || t.State.FindAdvice(r.Entry.Stan) == null)
                {
                    Assert.IsNotNull(e, "I1: the host knows approved STAN " + r.Entry.Stan + ": " + where + "\n" + log);
                    Assert.IsTrue(e.Applied && !e.Reversed, "I1: STAN " + r.Entry.Stan + " stands at the host: " + where + "\n" + log);
                }
            }

            foreach (LedgerEntry e in w.Acquirer.Entries().Where(e => e.Applied && !e.Settled))
            {
                var r = t.State.FindInBatch(e.Stan);
                Assert.IsNotNull(r, "I1: the host applied STAN " + e.Stan + " (" + e.Type + ") that the terminal has no record of: " + where + "\n" + log);
                terminalNet += e.NetMinor;
            }

            long settledNet = w.Acquirer.Entries().Where(e => e.Settled).Sum(e => e.NetMinor);
            long offlineOwed = 0;
            for (int i = 0; i < t.State.AdviceCount; i++)
            {
                // An advice the host took whose "done" the power cut lost is simply resent later (94).
                var a = t.State.AdviceAt(i);
                offlineOwed += w.Acquirer.Find("10020831", t.State.Batch, a.Stan) == null ? a.AmountMinor : 0;
            }

            Assert.AreEqual(Opening - terminalNet - settledNet, w.Acquirer.AccountFor(Pan).BalanceMinor, "I2: each applied once: " + where);
            Assert.AreEqual(t.State.Totals().DebitAmountMinor - t.State.Totals().CreditAmountMinor - offlineOwed,
                w.Acquirer.Totals("10020831", t.State.Batch).DebitAmountMinor - w.Acquirer.Totals("10020831", t.State.Batch).CreditAmountMinor, "I1: totals agree: " + where);

            // I3 (approved only when durable): an approval on screen is in the batch or was settled.
            bool approvedShown = t.Ports.Screens.Any(s => s.Id == ScreenId.Outcome && (s.OutcomeCode == OutcomeCodes.Approved || s.OutcomeCode == OutcomeCodes.ApprovedOffline));
            if (approvedShown && t.State.Batch == 1)
            {
                Assert.IsTrue(t.State.BatchCount > 0, "I3: shown as approved but not recorded: " + where);
            }
        }
    }
}
