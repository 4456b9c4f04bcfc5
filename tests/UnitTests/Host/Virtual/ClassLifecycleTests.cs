using nanoFramework.TestFramework;

namespace PosFirmware.UnitTests.Virtual
{
    /// <summary>Drives the adapter's lifecycle directly with a fake class that MSTest never sees.</summary>
    [TestClass]
    public class ClassLifecycleTests
    {
        [TestMethod]
        public void CleanupRunsOnceAfterTheLastTestOfItsClass()
        {
            FakeTests.Log = "";
            Assert.IsNull(ClassLifecycle.EnsureSetUp(typeof(FakeTests)));
            ClassLifecycle.TestFinished(typeof(FakeTests));
            Assert.AreEqual("setup;", FakeTests.Log);
            Assert.IsNull(ClassLifecycle.EnsureSetUp(typeof(FakeTests)));
            ClassLifecycle.TestFinished(typeof(FakeTests));
            Assert.AreEqual("setup;cleanup;", FakeTests.Log);
        }

        [TestMethod]
        public void InstanceStateIsRejectedAsOnADevice()
        {
            var failure = ClassLifecycle.EnsureSetUp(typeof(StatefulTests));
            Assert.IsNotNull(failure);
            Assert.Contains("null target", failure.Message);
        }

        [TestMethod]
        public void AFailingSetupFailsTheClassTests()
        {
            var failure = ClassLifecycle.EnsureSetUp(typeof(BrokenSetupTests));
            Assert.IsNotNull(failure);
            Assert.AreEqual("no hardware", failure.Message);
            Assert.AreSame(failure, ClassLifecycle.EnsureSetUp(typeof(BrokenSetupTests)));
        }

        // Not [TestClass]: only the lifecycle code looks at these.
        public class FakeTests
        {
            public static string Log = "";

            [Setup]
            public void S() => Log += "setup;";

            [Cleanup]
            public void C() => Log += "cleanup;";

            [TestMethod]
            public void One()
            {
            }

            [TestMethod]
            public void Two()
            {
            }
        }

        public class StatefulTests
        {
            public int Counter;

            [TestMethod]
            public void T() => Counter++;
        }

        public class BrokenSetupTests
        {
            [Setup]
            public void S() => throw new System.InvalidOperationException("no hardware");

            [TestMethod]
            public void T()
            {
            }
        }
    }
}
