using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.UnitTests.Engine;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Simulation
{
    /// <summary>
    /// The host simulator's settlement as a UnionPay host reads it: field 48 amount before count, the
    /// batch closed by the batch end (207 or 202), and nothing done for a batch that is not the
    /// terminal's open one (what a flipped bit of field 60 asks for).
    /// </summary>
    [TestClass]
    public sealed class AcquirerSettlementTests
    {
        private static readonly string Tid = TestHost.Terminal.TerminalId;

        private static IsoMessage Settlement(HostProfile profile, int stan, int batch, SettlementTotals totals)
        {
            var m = new IsoMessage();
            Assert.AreEqual(BuildStatus.Ok, SettlementBuilder.Settlement(profile, TestHost.Terminal, stan, batch, totals, m));
            return m;
        }

        private static IsoMessage BatchEnd(HostProfile profile, int stan, int batch, bool balanced)
        {
            var m = new IsoMessage();
            Assert.AreEqual(BuildStatus.Ok, SettlementBuilder.BatchEnd(profile, TestHost.Terminal, stan, batch, 0, balanced, new SettlementTotals(), m));
            return m;
        }

        /// <summary>A host that saw terminal 10020831 sign on in batch 1 and take one approved sale of 60.00 there.</summary>
        private static EngineRig WithOneSale()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(PosFirmware.Payments.Outcomes.OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();
            return rig;
        }

        [TestMethod]
        public void TheHostAnswersField48AmountBeforeCount_AndClosesOnTheBatchEnd()
        {
            var rig = WithOneSale();
            var totals = new SettlementTotals();
            totals.Add(TransactionType.Sale, 6000);
            IsoMessage a = HostExchange.Send(rig.Host, Settlement(rig.Setup.Profile, 50, 1, totals));
            Assert.AreEqual("00", a.GetString(39));
            Assert.AreEqual("00000001201", a.GetString(60), "60 echoed");
            // Domestic: 60.00 in 1 debit, no credit, balanced (1); foreign: zero, balanced (1).
            Assert.AreEqual("000000006000" + "001" + "000000000000" + "000" + "1" + "000000000000" + "000" + "000000000000" + "000" + "1", a.GetString(48));
            Assert.IsFalse(rig.Host.IsSettled(Tid, 1), "a balanced 0510 does not close the batch: the batch end does");

            // The terminal's totals in the count-first layout read as other totals: out of balance (2).
            var swapped = Settlement(rig.Setup.Profile, 51, 1, totals);
            swapped.Set(48, totals.Encode(SettlementStyle.International) + "0" + new SettlementTotals().Encode(SettlementStyle.UnionPay) + "0");
            Assert.AreEqual('2', HostExchange.Send(rig.Host, swapped).GetString(48)[30]);

            // The host's last verdict is what a balanced batch end (207) is checked against: settled again, balanced.
            Assert.AreEqual('1', HostExchange.Send(rig.Host, Settlement(rig.Setup.Profile, 52, 1, totals)).GetString(48)[30]);
            IsoMessage end = HostExchange.Send(rig.Host, BatchEnd(rig.Setup.Profile, 53, 1, true));
            Assert.AreEqual("00", end.GetString(39));
            Assert.AreEqual("00000001207", end.GetString(60));
            Assert.IsTrue(rig.Host.IsSettled(Tid, 1));
        }

        [TestMethod]
        public void TheHostRefusesABatchThatIsNotTheOpenOne()
        {
            var rig = WithOneSale();
            HostProfile profile = rig.Setup.Profile;
            var totals = new SettlementTotals();
            totals.Add(TransactionType.Sale, 6000);

            // Batch 3 (one flipped bit of 60.2): refused, echoed as it came, nothing closed.
            IsoMessage a = HostExchange.Send(rig.Host, Settlement(profile, 60, 3, totals));
            Assert.AreEqual("12", a.GetString(39));
            Assert.AreEqual("00000003201", a.GetString(60));
            Assert.IsFalse(a.Has(48));
            a = HostExchange.Send(rig.Host, BatchEnd(profile, 61, 3, true));
            Assert.AreEqual("12", a.GetString(39));
            Assert.IsFalse(rig.Host.IsSettled(Tid, 3));
            Assert.IsFalse(rig.Host.Find(Tid, 1, 2).Settled, "the real batch stays open");

            // A flipped 60.3: neither an upload (201/203/205) nor a batch end (207/202), nor a settlement (201).
            IsoMessage odd = BatchEnd(profile, 62, 1, true);
            odd.Set(60, "00000001215");
            Assert.AreEqual("30", HostExchange.Send(rig.Host, odd).GetString(39));
            IsoMessage oddSettle = Settlement(profile, 63, 1, totals);
            oddSettle.Set(60, "00000001203");
            Assert.AreEqual("30", HostExchange.Send(rig.Host, oddSettle).GetString(39));
            Assert.IsFalse(rig.Host.IsSettled(Tid, 1));

            // The open batch closes on its batch end (after a balanced settlement: 207) ...
            Assert.AreEqual('1', HostExchange.Send(rig.Host, Settlement(profile, 64, 1, totals)).GetString(48)[30]);
            Assert.AreEqual("00", HostExchange.Send(rig.Host, BatchEnd(profile, 69, 1, true)).GetString(39));
            Assert.IsTrue(rig.Host.IsSettled(Tid, 1));
            Assert.IsTrue(rig.Host.Find(Tid, 1, 2).Settled);

            // ... a repeat of it (the terminal lost our answer) is answered as before ...
            a = HostExchange.Send(rig.Host, Settlement(profile, 65, 1, totals));
            Assert.AreEqual("00", a.GetString(39));
            Assert.AreEqual('1', a.GetString(48)[30]);
            Assert.AreEqual("00", HostExchange.Send(rig.Host, BatchEnd(profile, 66, 1, true)).GetString(39));

            // ... and the open batch is now 2, not 1 again or 3.
            Assert.AreEqual("00", HostExchange.Send(rig.Host, Settlement(profile, 67, 2, new SettlementTotals())).GetString(39));
            Assert.AreEqual("12", HostExchange.Send(rig.Host, Settlement(profile, 68, 4, new SettlementTotals())).GetString(39));
        }

        [TestMethod]
        public void AFlippedBatchInTheSignOnDoesNotLockOutTheSettlementOfAnEmptyBatch()
        {
            // The sign-on garbled to batch 9 on the way, and no sale follows: the terminal's empty batch 1
            // still settles (the host has nothing of it to protect).
            var rig = new EngineRig();
            rig.HostSilent = true;
            rig.Boot();
            rig.Run();
            IsoMessage signOn = new IsoMessage();
            byte[] request = rig.TakeUnanswered();
            rig.Setup.Profile.Packager.Unpack(request, 0, request.Length, signOn, out _);
            signOn.Set(60, "00000009" + signOn.GetString(60).Substring(8));
            byte[] garbled = TestHost.Seal(rig.Setup.Profile, signOn, null);
            rig.Deliver(rig.Host.Handle(garbled, 0, garbled.Length));
            rig.HostSilent = false;
            rig.Run();
            Assert.IsTrue(rig.Engine.IsSignedOn, rig.Text());

            rig.Keys("FFF1E");
            rig.Run();
            Assert.AreEqual(PosFirmware.Payments.Outcomes.OutcomeCodes.Settled, rig.Engine.LastOutcome, rig.Text());
        }

        [TestMethod]
        public void AFlippedBatchInTheSignOnDoesNotLockTheTerminalOut()
        {
            // Simulation seed 695: the sign-on reached the host with 60.2 = 000009 (no MAC on it), the
            // terminal took the keys. Its MACed sale says batch 1 for certain: batch 1 settles.
            var rig = new EngineRig();
            rig.HostSilent = true;
            rig.Boot();
            rig.Run();
            IsoMessage signOn = new IsoMessage();
            byte[] request = rig.TakeUnanswered();
            rig.Setup.Profile.Packager.Unpack(request, 0, request.Length, signOn, out _);
            Assert.AreEqual("0800", signOn.Mti);
            signOn.Set(60, "00000009" + signOn.GetString(60).Substring(8));
            byte[] garbled = TestHost.Seal(rig.Setup.Profile, signOn, null);
            rig.Deliver(rig.Host.Handle(garbled, 0, garbled.Length));
            rig.HostSilent = false;
            rig.Run();
            Assert.IsTrue(rig.Engine.IsSignedOn, rig.Text());

            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(PosFirmware.Payments.Outcomes.OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();
            rig.Keys("FFF1E");
            rig.Run();
            Assert.AreEqual(PosFirmware.Payments.Outcomes.OutcomeCodes.Settled, rig.Engine.LastOutcome, rig.Text());
            Assert.IsTrue(rig.Host.IsSettled(Tid, 1));
        }

        [TestMethod]
        public void ARepeatMtiIsADuplicateOfTheOriginal()
        {
            // International: the sale reaches the host, its reversal (0400) too, but no answer comes
            // back; the retry goes as the repeat 0401, which the host answers as the duplicate it is.
            const string pan = "6228480000000000001";
            var rig = new EngineRig(HostProfile.International()).Ready();
            rig.HostSilent = true;
            rig.Sale("6000", EngineRig.Swipe(pan), "");
            byte[] sale = rig.TakeUnanswered();
            rig.Host.Handle(sale, 0, sale.Length);
            Assert.AreEqual(100_000_000 - 6000, rig.Host.AccountFor(pan).BalanceMinor);
            rig.Fire(PosFirmware.App.Engine.EngineTimer.HostAnswer);
            rig.Run();
            byte[] reversal = rig.TakeUnanswered();
            Assert.IsNotNull(reversal, rig.Text());
            rig.Host.Handle(reversal, 0, reversal.Length);
            Assert.AreEqual(100_000_000, rig.Host.AccountFor(pan).BalanceMinor);
            rig.Fire(PosFirmware.App.Engine.EngineTimer.HostAnswer);
            rig.Run();
            rig.Dismiss();

            rig.HostSilent = false;
            rig.Trace.Clear();
            rig.Sale("6000", EngineRig.Swipe(pan), "");
            StringAssert.Contains(rig.Text(), "send 0401 000002 39=98\n");
            Assert.AreEqual(PosFirmware.Payments.Outcomes.OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            Assert.IsNull(rig.State.Reversal, "the 0410 settled it");
            Assert.AreEqual(100_000_000 - 6000, rig.Host.AccountFor(pan).BalanceMinor, "I2: the first sale undone once, the second applied");
        }
    }
}
