using nanoFramework.TestFramework;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;
using PosFirmware.UnitTests.Support;
using PosFirmware.Virtual.Flash;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>Invariant I5 as a rule: floor limit, count and total caps, host profile, advice room.</summary>
    [TestClass]
    public class OfflinePolicyTests
    {
        private static StateJournal Journal(int adviceCapacity = 8)
        {
            var j = new StateJournal(new Journal(new VirtualFlash(), 1024, 64 * 1024), new TerminalState(50, adviceCapacity, 8), 2048);
            j.Recover();
            return j;
        }

        private static void ApproveOffline(StateJournal j, long amount)
        {
            j.TakeStan(out int stan);
            var r = new BatchRecord { MaskedPan = "622848******0001", Offline = true, OutcomeCode = 1 };
            r.Entry.Stan = stan;
            r.Entry.Type = TransactionType.Sale;
            r.Entry.AmountMinor = amount;
            var advice = new PendingAdvice { Stan = stan, AmountMinor = amount, Message = new byte[] { 1 } };
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.Complete(r, -1, advice, null, false, null));
        }

        [TestMethod]
        public void OnlyUnderTheFloorAndWithinTheCaps()
        {
            var p = new TerminalParameters { OfflineMaxCount = 3, OfflineMaxTotalMinor = 10000 };
            HostProfile up = TestHost.UnionPay();
            var j = Journal();
            Assert.AreEqual((int)OfflineDecision.Allowed, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 4999));
            Assert.AreEqual((int)OfflineDecision.OverFloorLimit, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 5000));
            Assert.AreEqual((int)OfflineDecision.NeedsOnlinePin, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 25001));
            Assert.AreEqual((int)OfflineDecision.NotASale, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Refund, 100));
            Assert.AreEqual((int)OfflineDecision.HostForbids, (int)OfflinePolicy.Decide(p, HostProfile.International(), j.State, TransactionType.Sale, 100));

            ApproveOffline(j, 4000);
            ApproveOffline(j, 4000);
            Assert.AreEqual((int)OfflineDecision.TotalCapReached, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 2001));
            Assert.AreEqual((int)OfflineDecision.Allowed, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 2000));
            ApproveOffline(j, 100);
            Assert.AreEqual((int)OfflineDecision.CountCapReached, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 1));
        }

        [TestMethod]
        public void NothingMoreIsOwedWhenTheAdviceQueueIsFull()
        {
            var p = new TerminalParameters();
            var j = Journal(adviceCapacity: 2);
            ApproveOffline(j, 100);
            ApproveOffline(j, 100);
            Assert.AreEqual((int)OfflineDecision.AdviceQueueFull, (int)OfflinePolicy.Decide(p, TestHost.UnionPay(), j.State, TransactionType.Sale, 100));
        }

        [TestMethod]
        public void TheLimitsAreInclusiveWhereTheySayUpTo_OnlineApprovalsDoNotCount()
        {
            var p = new TerminalParameters { OfflineFloorLimitMinor = 30000, CvmLimitMinor = 25000, OfflineMaxCount = 1, OfflineMaxTotalMinor = 30000 };
            HostProfile up = TestHost.UnionPay();
            var j = Journal();
            Assert.AreEqual((int)OfflineDecision.Allowed, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 25000), "up to the CVM limit without PIN");
            Assert.AreEqual((int)OfflineDecision.NeedsOnlinePin, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 25001));

            // An online approval in the batch counts toward neither cap.
            j.TakeStan(out int stan);
            var online = new BatchRecord { MaskedPan = "622848******0001", Offline = false };
            online.Entry.Stan = stan;
            online.Entry.Type = TransactionType.Sale;
            online.Entry.AmountMinor = 29000;
            Assert.AreEqual((int)JournalStatus.Ok, (int)j.Complete(online, -1, null, null, false, null));
            Assert.AreEqual((int)OfflineDecision.Allowed, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 25000));

            p.OfflineMaxTotalMinor = 25000;
            Assert.AreEqual((int)OfflineDecision.Allowed, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 25000), "up to the total cap");
            ApproveOffline(j, 10);
            p.OfflineMaxCount = 2;
            Assert.AreEqual((int)OfflineDecision.TotalCapReached, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 24991), "the offline total counts");
            Assert.AreEqual((int)OfflineDecision.Allowed, (int)OfflinePolicy.Decide(p, up, j.State, TransactionType.Sale, 24990));
        }
    }
}
