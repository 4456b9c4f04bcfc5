using System;
using nanoFramework.TestFramework;

namespace PosFirmware.UnitTests.Virtual
{
    /// <summary>
    /// Proves that a failing test fails CI: `POS_CI_CANARY_FAIL=1 bash .ci/run` must exit non-zero
    /// and count one failure. Unset (always, in CI), the canary passes.
    /// </summary>
    [TestClass]
    public class CiCanaryTests
    {
        [TestMethod]
        public void FailsOnlyWhenAsked()
        {
            Assert.IsTrue(Environment.GetEnvironmentVariable("POS_CI_CANARY_FAIL") != "1", "the CI canary was asked to fail");
        }
    }
}
