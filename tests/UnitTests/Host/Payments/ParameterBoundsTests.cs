using nanoFramework.TestFramework;
using PosFirmware.Payments.Rules;

namespace PosFirmware.UnitTests.Payments
{
    /// <summary>Each limit of TerminalParameters.Validate is inclusive: its bound passes, one past it is named.</summary>
    [TestClass]
    public class ParameterBoundsTests
    {
        private delegate void Set(TerminalParameters p, long value);

        private static void Bounds(string name, Set set, long min, long max)
        {
            foreach (long ok in new[] { min, max })
            {
                var p = new TerminalParameters();
                set(p, ok);
                Assert.IsNull(p.Validate(), name + " = " + ok);
            }

            foreach (long bad in new[] { min - 1, max + 1 })
            {
                var p = new TerminalParameters();
                set(p, bad);
                Assert.AreEqual(name, p.Validate(), name + " = " + bad);
            }
        }

        [TestMethod]
        public void AttemptsAndCountsHaveInclusiveBounds()
        {
            Bounds("ReversalMaxAttempts", (p, v) => p.ReversalMaxAttempts = (int)v, 1, 10);
            Bounds("AdviceMaxAttempts", (p, v) => p.AdviceMaxAttempts = (int)v, 1, 10);
            Bounds("MaxPinTries", (p, v) => p.MaxPinTries = (int)v, 1, 5);
            Bounds("OfflineMaxCount", (p, v) => p.OfflineMaxCount = (int)v, 0, 1000);
        }

        [TestMethod]
        public void AmountsHaveInclusiveBounds()
        {
            Bounds("MaxAmountMinor", (p, v) => { p.MaxAmountMinor = v; p.OfflineFloorLimitMinor = 0; }, 1, 999999999999L);
            Bounds("OfflineFloorLimitMinor", (p, v) => p.OfflineFloorLimitMinor = v, 0, new TerminalParameters().MaxAmountMinor);
            Bounds("ContactlessLimitMinor", (p, v) => { p.ContactlessLimitMinor = v; p.CvmLimitMinor = 0; }, 0, 999999999999L);
            Bounds("CvmLimitMinor", (p, v) => p.CvmLimitMinor = v, 0, new TerminalParameters().ContactlessLimitMinor);

            var q = new TerminalParameters { OfflineMaxTotalMinor = 0 };
            Assert.IsNull(q.Validate());
            q.OfflineMaxTotalMinor = -1;
            Assert.AreEqual("OfflineMaxTotalMinor", q.Validate());
        }
    }
}
