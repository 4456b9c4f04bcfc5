using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Messaging.Iso8583;
using PosFirmware.Payments.State;
using PosFirmware.UnitTests.Engine;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Simulation
{
    /// <summary>
    /// The host simulator checks the batch end against its own settlement verdict and the uploads it
    /// matched ([LY] PosBatchUp: 207 only when both blocks were balanced; 48 = the uploaded count), and
    /// takes an upload only when it is one of its own transactions (Messaging/Host/README.md rule 11).
    /// The first two are reviewer 1's tests (issue 12).
    /// </summary>
    [TestClass]
    public sealed class BatchEndCheckTests
    {
        private static readonly string Tid = TestHost.Terminal.TerminalId;

        /// <summary>A host that saw terminal 10020831 sign on in batch 1 and take one approved sale of 60.00 there.</summary>
        private static EngineRig WithOneSale()
        {
            var rig = new EngineRig().Ready();
            rig.Sale("6000", EngineRig.Contactless());
            Assert.AreEqual(PosFirmware.Payments.Outcomes.OutcomeCodes.Approved, rig.Engine.LastOutcome, rig.Text());
            rig.Dismiss();
            return rig;
        }

        private static IsoMessage Unbalanced(EngineRig rig, int stan)
        {
            var settle = new IsoMessage();
            Assert.AreEqual(BuildStatus.Ok, SettlementBuilder.Settlement(rig.Setup.Profile, TestHost.Terminal, stan, 1, new SettlementTotals(), settle));
            IsoMessage a = HostExchange.Send(rig.Host, settle);
            Assert.AreEqual('2', a.GetString(48)[30], "the host says: not balanced (it holds a sale of 60.00, the terminal claimed none)");
            return a;
        }

        private static IsoMessage End(EngineRig rig, int stan, int uploaded, bool balanced)
        {
            var end = new IsoMessage();
            Assert.AreEqual(BuildStatus.Ok, SettlementBuilder.BatchEnd(rig.Setup.Profile, TestHost.Terminal, stan, 1, uploaded, balanced, new SettlementTotals(), end));
            return HostExchange.Send(rig.Host, end);
        }

        private static IsoMessage Upload(EngineRig rig, int stan, BatchEntry entry)
        {
            var m = new IsoMessage();
            Assert.AreEqual(BuildStatus.Ok, SettlementBuilder.BatchUpload(rig.Setup.Profile, TestHost.Terminal, stan, 1, entry, false, m));
            return HostExchange.Send(rig.Host, m);
        }

        /// <summary>
        /// The host said "2", no upload came, and the terminal ends the batch as if balanced (207, 0
        /// uploaded): refused, the batch stays open.
        /// </summary>
        [TestMethod]
        public void ABalancedBatchEndAfterAnUnbalancedVerdictIsNotAccepted()
        {
            var rig = WithOneSale();
            Unbalanced(rig, 50);
            IsoMessage e = End(rig, 51, 0, true);
            Assert.AreNotEqual("00", e.GetString(39), "207 after the host's own '2', with nothing uploaded, closed the batch");
            Assert.IsFalse(rig.Host.IsSettled(Tid, 1));
        }

        /// <summary>The batch end's field 48 says 3 uploads; the host received none.</summary>
        [TestMethod]
        public void ABatchEndWhoseCountDiffersFromTheUploadsReceivedIsNotAccepted()
        {
            var rig = WithOneSale();
            Unbalanced(rig, 50);
            Assert.AreNotEqual("00", End(rig, 51, 3, false).GetString(39), "202 naming 3 uploads, none received");
            Assert.IsFalse(rig.Host.IsSettled(Tid, 1));
        }

        /// <summary>
        /// The host holds two sales of 60.00, the terminal claims one: "2". A terminal that stops
        /// uploading says so honestly (202, 0 uploaded), but its claim is then unproven: the batch
        /// stays open. Once the sale it claims is uploaded (a duplicate of the upload counts once)
        /// the batch end closes it, and the host settles what it holds.
        /// </summary>
        [TestMethod]
        public void AnUnbalancedBatchClosesOnlyWhenTheUploadsProveTheClaim()
        {
            var rig = WithOneSale();
            rig.Sale("6000", EngineRig.Contactless());
            rig.Dismiss();
            BatchEntry sale = rig.State.BatchAt(0).Entry;
            var claim = new SettlementTotals();
            claim.Add(TransactionType.Sale, 6000);
            var settle = new IsoMessage();
            Assert.AreEqual(BuildStatus.Ok, SettlementBuilder.Settlement(rig.Setup.Profile, TestHost.Terminal, 50, 1, claim, settle));
            Assert.AreEqual('2', HostExchange.Send(rig.Host, settle).GetString(48)[30]);
            Assert.AreEqual("95", End(rig, 51, 0, false).GetString(39), "nothing uploaded, 60.00 claimed");
            Assert.IsFalse(rig.Host.IsSettled(Tid, 1));

            settle.Set(11, "000052");
            Assert.AreEqual('2', HostExchange.Send(rig.Host, settle).GetString(48)[30]);
            Assert.AreEqual("00", Upload(rig, 53, sale).GetString(39));
            Assert.AreEqual("00", Upload(rig, 53, sale).GetString(39), "a duplicate on the way");
            Assert.AreEqual("00", End(rig, 54, 1, false).GetString(39));
            Assert.IsTrue(rig.Host.IsSettled(Tid, 1));
            Assert.AreEqual(12000, rig.Host.SettledTotals(Tid, 1).DebitAmountMinor);
        }

        /// <summary>An upload of a transaction the host never applied (or with another amount) is refused: it cannot settle money it never moved.</summary>
        [TestMethod]
        public void AnUploadThatMatchesNoTransactionOfTheHostIsRefused()
        {
            var rig = WithOneSale();
            BatchEntry sale = rig.State.BatchAt(0).Entry;
            Unbalanced(rig, 50);
            var other = new BatchEntry
            {
                Type = sale.Type, AmountMinor = 6001, Stan = sale.Stan, Batch = sale.Batch, LocalTime = sale.LocalTime,
                LocalDate = sale.LocalDate, Entry = sale.Entry, Rrn = sale.Rrn, AuthCode = sale.AuthCode,
            };
            Assert.AreEqual("25", Upload(rig, 51, other).GetString(39), "another amount");
            other.AmountMinor = sale.AmountMinor;
            other.Stan = sale.Stan + 7;
            Assert.AreEqual("25", Upload(rig, 52, other).GetString(39), "a STAN the host never saw");
            Assert.AreEqual("95", End(rig, 53, 2, false).GetString(39), "the refused uploads do not count");
            Assert.IsFalse(rig.Host.IsSettled(Tid, 1));
        }
    }
}
