using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Ms = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// nanoFramework's class lifecycle on MSTest: [Setup] once before a class's first test,
    /// [Cleanup] once after its last, and no instance state. The nanoFramework launcher calls test
    /// methods with a null target, so a test that keeps state in an instance field works here and
    /// breaks on a board: such a class fails here too.
    /// </summary>
    internal static class ClassLifecycle
    {
        private static readonly object Gate = new();
        private static readonly Dictionary<Type, ClassState> States = new();

        public static Exception EnsureSetUp(Type testClass)
        {
            lock (Gate)
            {
                if (States.TryGetValue(testClass, out var known))
                {
                    return known.SetupFailure;
                }

                var state = new ClassState { Remaining = CountExecutions(testClass) };
                States[testClass] = state;
                state.SetupFailure = CheckNoInstanceState(testClass) ?? Invoke(testClass, typeof(SetupAttribute));
                return state.SetupFailure;
            }
        }

        public static void TestFinished(Type testClass)
        {
            lock (Gate)
            {
                var state = States[testClass];
                state.Remaining--;
                if (state.Remaining == 0 && !state.CleanedUp)
                {
                    RunCleanup(testClass, state);
                }
            }
        }

        /// <summary>Cleans up classes a filtered run did not finish (called at assembly cleanup).</summary>
        public static void CleanUpRemaining()
        {
            lock (Gate)
            {
                foreach (var (type, state) in States)
                {
                    if (!state.CleanedUp)
                    {
                        RunCleanup(type, state);
                    }
                }
            }
        }

        private static void RunCleanup(Type testClass, ClassState state)
        {
            state.CleanedUp = true;
            Exception failure = Invoke(testClass, typeof(CleanupAttribute));
            if (failure != null)
            {
                // There is no test left to fail; make the run fail loudly instead of passing.
                throw new InvalidOperationException($"[Cleanup] of {testClass.Name} failed", failure);
            }
        }

        private static int CountExecutions(Type testClass)
        {
            int n = 0;
            foreach (var m in testClass.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (m.GetCustomAttribute<TestMethodAttribute>() != null)
                {
                    n += Math.Max(1, m.GetCustomAttributes<DataRowAttribute>().Count());
                }
            }

            return n;
        }

        private static Exception CheckNoInstanceState(Type testClass)
        {
            var fields = testClass.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                .Where(f => !f.Name.Contains('<'))
                .Select(f => f.Name)
                .ToArray();
            return fields.Length == 0
                ? null
                : new Ms.AssertFailedException(
                    $"{testClass.Name} keeps instance state ({string.Join(", ", fields)}); nanoFramework calls tests with a null target: use static fields");
        }

        private static Exception Invoke(Type testClass, Type attribute)
        {
            var method = testClass.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
                .FirstOrDefault(m => m.GetCustomAttribute(attribute) != null);
            if (method == null)
            {
                return null;
            }

            try
            {
                object target = method.IsStatic ? null : Activator.CreateInstance(testClass);
                method.Invoke(target, null);
                return null;
            }
            catch (TargetInvocationException e)
            {
                return e.InnerException ?? e;
            }
        }

        private sealed class ClassState
        {
            public int Remaining;
            public bool CleanedUp;
            public Exception SetupFailure;
        }
    }

    /// <summary>Runs the [Cleanup] of classes a filtered run left unfinished.</summary>
    [Ms.TestClass]
    public sealed class ClassLifecycleHooks
    {
        [Ms.AssemblyCleanup]
        public static void AfterAllTests() => ClassLifecycle.CleanUpRemaining();
    }
}
