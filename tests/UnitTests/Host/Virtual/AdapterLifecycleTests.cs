using nanoFramework.TestFramework;

namespace PosFirmware.UnitTests.Virtual
{
    /// <summary>
    /// The adapter keeps nanoFramework's class lifecycle: [Setup] ran exactly once, before the
    /// first test of this class, whichever test MSTest runs first.
    /// </summary>
    [TestClass]
    public class AdapterLifecycleTests
    {
        private static int _setupCalls;
        private static int _testsRun;

        [Setup]
        public void SetUpOnce()
        {
            _setupCalls++;
            Assert.AreEqual(0, _testsRun, "setup runs before any test of its class");
        }

        [TestMethod]
        public void SetupRanOnceBeforeThisTest()
        {
            _testsRun++;
            Assert.AreEqual(1, _setupCalls);
        }

        [TestMethod]
        public void SetupRanOnceBeforeThisTestToo()
        {
            _testsRun++;
            Assert.AreEqual(1, _setupCalls);
        }

        [TestMethod]
        [DataRow(1, 2, 3)]
        [DataRow(10, 20, 30)]
        public void DataRowsPassTheirArguments(int a, int b, int sum)
        {
            _testsRun++;
            Assert.AreEqual(sum, a + b);
        }
    }
}
