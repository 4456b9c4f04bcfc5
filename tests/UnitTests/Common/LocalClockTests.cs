using System;
using nanoFramework.TestFramework;
using PosFirmware.Common;

namespace PosFirmware.UnitTests.Common
{
    [TestClass]
    public class LocalClockTests
    {
        private const int China = 8 * 60;

        [TestMethod]
        public void UtcAfterFourPmOnNewYearsEveIsNewYearsDayInChina()
        {
            DateTime local = LocalClock.ToLocal(new DateTime(2026, 12, 31, 16, 30, 0), China);
            Assert.AreEqual("0101", LocalClock.Mmdd(local));
            Assert.AreEqual("003000", LocalClock.Hhmmss(local));
            Assert.AreEqual(270101L, LocalClock.YymmddNumber(local));
            Assert.AreEqual(3000L, LocalClock.HhmmssNumber(local));
        }

        [TestMethod]
        public void NegativeAndHalfHourOffsetsGoBackAcrossMidnight()
        {
            // Newfoundland (-03:30) at 02:00 UTC on March 1 of a leap year is Feb 29, 22:30.
            DateTime local = LocalClock.ToLocal(new DateTime(2028, 3, 1, 2, 0, 0), -(3 * 60 + 30));
            Assert.AreEqual("0229", LocalClock.Mmdd(local));
            Assert.AreEqual("223000", LocalClock.Hhmmss(local));

            // India (+05:30) at 20:00 UTC is 01:30 the next day.
            local = LocalClock.ToLocal(new DateTime(2026, 11, 22, 20, 0, 0), 5 * 60 + 30);
            Assert.AreEqual("1123", LocalClock.Mmdd(local));
            Assert.AreEqual("013000", LocalClock.Hhmmss(local));
        }

        [TestMethod]
        public void ToUtcUndoesToLocal()
        {
            DateTime utc = new DateTime(2026, 12, 31, 23, 59, 30);
            Assert.AreEqual(utc.Ticks, LocalClock.ToUtc(LocalClock.ToLocal(utc, -150), -150).Ticks);
        }

        [TestMethod]
        public void OffsetsBeyondTheZonesInUseAreInvalid()
        {
            Assert.IsTrue(LocalClock.OffsetIsValid(14 * 60));
            Assert.IsTrue(LocalClock.OffsetIsValid(-12 * 60));
            Assert.IsFalse(LocalClock.OffsetIsValid(14 * 60 + 1));
            Assert.IsFalse(LocalClock.OffsetIsValid(-12 * 60 - 1));
        }

        [TestMethod]
        public void AClockBefore2010OrNotSetIsNoTime()
        {
            Assert.IsFalse(LocalClock.IsValid(false, new DateTime(2026, 11, 22)));
            Assert.IsFalse(LocalClock.IsValid(true, new DateTime(1970, 1, 1)));
            Assert.IsFalse(LocalClock.IsValid(true, new DateTime(2009, 12, 31)));
            Assert.IsTrue(LocalClock.IsValid(true, new DateTime(2010, 1, 1)));
        }

        [TestMethod]
        public void HostNewYearReadOnTheTerminalsNewYearsEveIsNextYear()
        {
            DateTime local;
            Assert.IsTrue(LocalClock.TryHostTime("000010", "0101", new DateTime(2026, 12, 31, 23, 58, 0), out local));
            Assert.AreEqual(new DateTime(2027, 1, 1, 0, 0, 10).Ticks, local.Ticks);
        }

        [TestMethod]
        public void HostNewYearsEveReadOnTheTerminalsNewYearIsLastYear()
        {
            DateTime local;
            Assert.IsTrue(LocalClock.TryHostTime("235950", "1231", new DateTime(2027, 1, 1, 0, 1, 0), out local));
            Assert.AreEqual(new DateTime(2026, 12, 31, 23, 59, 50).Ticks, local.Ticks);
        }

        [TestMethod]
        public void HostLeapDayTakesTheNearestLeapYear()
        {
            DateTime local;
            Assert.IsTrue(LocalClock.TryHostTime("120000", "0229", new DateTime(2027, 12, 30), out local));
            Assert.AreEqual(new DateTime(2028, 2, 29, 12, 0, 0).Ticks, local.Ticks);
        }

        [TestMethod]
        public void HostTimesThatAreNotTimesAreRefusedWithoutThrowing()
        {
            DateTime reference = new DateTime(2026, 6, 1);
            DateTime local;
            string[] times = { null, "12000", "1200000", "12a000", "240000", "126000", "120060", "120000", "120000", "120000", "120000" };
            string[] dates = { "0101", "0101", "0101", "0101", "0101", "0101", "0101", null, "1301", "0431", "0000" };
            for (int i = 0; i < times.Length; i++)
            {
                Assert.IsFalse(LocalClock.TryHostTime(times[i], dates[i], reference, out local), "case " + i);
            }

            // Feb 29 within a year either side of 2026 does not exist (2025, 2026, 2027).
            Assert.IsFalse(LocalClock.TryHostTime("120000", "0229", reference, out local));
        }

        [TestMethod]
        public void DaysInMonthFollowTheGregorianLeapRule()
        {
            Assert.AreEqual(29, LocalClock.DaysInMonth(2000, 2));
            Assert.AreEqual(28, LocalClock.DaysInMonth(2100, 2));
            Assert.AreEqual(29, LocalClock.DaysInMonth(2028, 2));
            Assert.AreEqual(30, LocalClock.DaysInMonth(2026, 11));
            Assert.AreEqual(31, LocalClock.DaysInMonth(2026, 12));
        }
    }
}
