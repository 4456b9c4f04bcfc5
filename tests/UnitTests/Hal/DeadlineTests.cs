using System;
using nanoFramework.TestFramework;
using PosFirmware.Hal;
using PosFirmware.UnitTests.Support;

namespace PosFirmware.UnitTests.Hal
{
    [TestClass]
    public class DeadlineTests
    {
        [TestMethod]
        public void ExpiresExactlyAtItsTime()
        {
            Deadline d = Deadline.After(1000, 500);
            Assert.AreEqual(1500L, d.ExpiresAtMs);
            Assert.IsFalse(d.HasExpired(1499));
            Assert.IsTrue(d.HasExpired(1500));
            Assert.IsTrue(d.HasExpired(99999));
        }

        [TestMethod]
        public void RemainingCountsDownAndStopsAtZero()
        {
            Deadline d = Deadline.After(0, 3000);
            Assert.AreEqual(3000L, d.RemainingMs(0));
            Assert.AreEqual(1L, d.RemainingMs(2999));
            Assert.AreEqual(0L, d.RemainingMs(3000));
            Assert.AreEqual(0L, d.RemainingMs(5000));
        }

        [TestMethod]
        public void CountdownSecondsRoundUpSoZeroMeansExpired()
        {
            Deadline d = Deadline.After(0, 30000);
            Assert.AreEqual(30, d.RemainingSeconds(0));
            Assert.AreEqual(30, d.RemainingSeconds(1));
            Assert.AreEqual(1, d.RemainingSeconds(29800));
            Assert.AreEqual(1, d.RemainingSeconds(29999));
            Assert.AreEqual(0, d.RemainingSeconds(30000));
        }

        [TestMethod]
        public void NeverNeverExpires()
        {
            Deadline never = Deadline.Never;
            Assert.IsFalse(never.IsArmed);
            Assert.IsFalse(never.HasExpired(long.MaxValue));
            Assert.AreEqual(long.MaxValue, never.RemainingMs(0));
            Assert.AreEqual(int.MaxValue, never.RemainingSeconds(0));
            Assert.AreEqual(long.MaxValue, never.ExpiresAtMs);
        }

        [TestMethod]
        public void DefaultDeadlineIsNever()
        {
            Deadline d = new Deadline();
            Assert.IsFalse(d.IsArmed);
            Assert.IsFalse(d.HasExpired(long.MaxValue));
        }

        [TestMethod]
        public void ZeroDurationHasExpiredAtOnce()
        {
            Assert.IsTrue(Deadline.After(42, 0).HasExpired(42));
        }

        [TestMethod]
        public void HugeDurationSaturatesInsteadOfWrappingIntoThePast()
        {
            Deadline d = Deadline.After(1000, long.MaxValue);
            Assert.AreEqual(long.MaxValue, d.ExpiresAtMs);
            Assert.IsFalse(d.HasExpired(long.MaxValue - 1));
        }

        [TestMethod]
        public void NegativeDurationIsAProgrammingError()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Deadline.After(0, -1));
        }

        [TestMethod]
        public void ReadsTheInjectedClock()
        {
            TestClock clock = new TestClock(10000);
            Deadline d = Deadline.After(clock, 250);
            Assert.IsFalse(d.HasExpired(clock));
            clock.NowMs = 10250;
            Assert.IsTrue(d.HasExpired(clock));
        }

        [TestMethod]
        public void EarliestPrefersAnyArmedDeadlineOverNever()
        {
            Deadline a = Deadline.At(500);
            Deadline b = Deadline.At(300);
            Assert.AreEqual(300L, Deadline.Earliest(a, b).ExpiresAtMs);
            Assert.AreEqual(500L, Deadline.Earliest(a, Deadline.Never).ExpiresAtMs);
            Assert.AreEqual(500L, Deadline.Earliest(Deadline.Never, a).ExpiresAtMs);
            Assert.IsFalse(Deadline.Earliest(Deadline.Never, Deadline.Never).IsArmed);
        }
    }
}
