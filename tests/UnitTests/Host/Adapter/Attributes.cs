// The nanoFramework.TestFramework names over MSTest (ARCHITECTURE.md "Tests, written once").
// MSTest finds tests through attributes derived from its own, so these derive from MSTest's and
// keep nanoFramework's names; TestMethodAttribute adds nanoFramework's class lifecycle.
using System;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using Ms = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class of tests, as on nanoFramework.</summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public sealed class TestClassAttribute : Ms.TestClassAttribute
    {
    }

    /// <summary>
    /// Marks a test. Before the first test of a class runs, the class's [Setup] method runs once;
    /// after its last test, its [Cleanup] method runs once: nanoFramework's semantics, which
    /// differ from MSTest's per-test initialize.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class TestMethodAttribute : Ms.TestMethodAttribute
    {
        public TestMethodAttribute([CallerFilePath] string callerFilePath = "", [CallerLineNumber] int callerLineNumber = -1)
            : base(callerFilePath, callerLineNumber)
        {
        }

        public override async Task<Ms.TestResult[]> ExecuteAsync(Ms.ITestMethod testMethod)
        {
            Type testClass = testMethod.MethodInfo.DeclaringType;
            Exception setupFailure = ClassLifecycle.EnsureSetUp(testClass);
            Ms.TestResult[] results;
            if (setupFailure != null)
            {
                results = new[]
                {
                    new Ms.TestResult { Outcome = Ms.UnitTestOutcome.Failed, TestFailureException = setupFailure },
                };
            }
            else
            {
                results = await base.ExecuteAsync(testMethod);
                foreach (var r in results)
                {
                    // nanoFramework's SkipTest is MSTest's inconclusive: report it as skipped.
                    if (r.Outcome == Ms.UnitTestOutcome.Inconclusive)
                    {
                        r.Outcome = Ms.UnitTestOutcome.Ignored;
                    }
                }
            }

            ClassLifecycle.TestFinished(testClass);
            return results;
        }
    }

    /// <summary>Runs once before the first test of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class SetupAttribute : Attribute
    {
    }

    /// <summary>Runs once after the last test of its class.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public sealed class CleanupAttribute : Attribute
    {
    }

    /// <summary>One row of arguments for a data-driven test.</summary>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public sealed class DataRowAttribute : Ms.DataRowAttribute
    {
        public DataRowAttribute(params object[] methodParameters)
            : base(methodParameters)
        {
            if (methodParameters == null || methodParameters.Length == 0)
            {
                // nanoFramework rejects an empty row the same way.
                throw new ArgumentException("methodParameters can not be empty");
            }

            MethodParameters = methodParameters;
        }

        public object[] MethodParameters { get; }
    }
}
