using System;
using nanoFramework.TestFramework;
using PosFirmware.Hal;

namespace PosFirmware.UnitTests.Hal
{
    [TestClass]
    public class DeadlineTableTests
    {
        private const int HostResponse = 0;
        private const int CardWait = 1;
        private const int Beep = 2;

        [TestMethod]
        public void ExpiredTimersComeOutOncePerCallEarliestFirst()
        {
            DeadlineTable t = new DeadlineTable(4);
            t.Arm(HostResponse, Deadline.At(3000));
            t.Arm(CardWait, Deadline.At(1000));
            t.Arm(Beep, Deadline.At(2000));

            Assert.AreEqual(-1, t.TakeExpired(999));
            Assert.AreEqual(CardWait, t.TakeExpired(5000));
            Assert.AreEqual(Beep, t.TakeExpired(5000));
            Assert.AreEqual(HostResponse, t.TakeExpired(5000));
            Assert.AreEqual(-1, t.TakeExpired(5000));
        }

        [TestMethod]
        public void TiesGoToTheLowestId()
        {
            DeadlineTable t = new DeadlineTable(4);
            t.Arm(3, Deadline.At(100));
            t.Arm(1, Deadline.At(100));
            Assert.AreEqual(1, t.TakeExpired(100));
            Assert.AreEqual(3, t.TakeExpired(100));
        }

        [TestMethod]
        public void DisarmedTimersNeverFire()
        {
            DeadlineTable t = new DeadlineTable(2);
            t.Arm(0, Deadline.At(10));
            t.Disarm(0);
            Assert.IsFalse(t.IsArmed(0));
            Assert.AreEqual(-1, t.TakeExpired(1000));
        }

        [TestMethod]
        public void RearmingReplacesTheDeadline()
        {
            DeadlineTable t = new DeadlineTable(1);
            t.Arm(0, Deadline.At(10));
            t.Arm(0, Deadline.At(50));
            Assert.AreEqual(-1, t.TakeExpired(49));
            Assert.AreEqual(0, t.TakeExpired(50));
        }

        [TestMethod]
        public void ArmingWithNeverDisarms()
        {
            DeadlineTable t = new DeadlineTable(1);
            t.Arm(0, Deadline.At(10));
            t.Arm(0, Deadline.Never);
            Assert.IsFalse(t.IsArmed(0));
        }

        [TestMethod]
        public void NextIsTheEarliestArmed()
        {
            DeadlineTable t = new DeadlineTable(3);
            Assert.IsFalse(t.Next().IsArmed);
            t.Arm(2, Deadline.At(700));
            t.Arm(0, Deadline.At(400));
            Assert.AreEqual(400L, t.Next().ExpiresAtMs);
            Assert.AreEqual(400L, t.Get(0).ExpiresAtMs);
            Assert.IsFalse(t.Get(1).IsArmed);
            t.DisarmAll();
            Assert.IsFalse(t.Next().IsArmed);
        }

        [TestMethod]
        public void IdsOutsideTheTableAreProgrammingErrors()
        {
            DeadlineTable t = new DeadlineTable(2);
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => t.Arm(2, Deadline.At(1)));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => t.Disarm(-1));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new DeadlineTable(0));
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => new DeadlineTable(DeadlineTable.MaxCapacity + 1));
        }
    }
}
