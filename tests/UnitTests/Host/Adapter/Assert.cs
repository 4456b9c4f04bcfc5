using System;
using System.Collections;
using Ms = Microsoft.VisualStudio.TestTools.UnitTesting;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// nanoFramework.TestFramework's Assert (3.x, no generics) over MSTest's: the same names and
    /// overloads, so a test compiles both ways, and MSTest's failure exceptions, so MSTest reports it.
    /// </summary>
    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(byte expected, byte actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(char expected, char actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(double expected, double actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(float expected, float actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(int expected, int actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(long expected, long actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(object expected, object actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(short expected, short actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(string expected, string actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(uint expected, uint actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(ulong expected, ulong actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreEqual(ushort expected, ushort actual, string message = "") => Ms.Assert.AreEqual(expected, actual, message);
        public static void AreNotEqual(int notExpected, int actual, string message = "") => Ms.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(long notExpected, long actual, string message = "") => Ms.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(object notExpected, object actual, string message = "") => Ms.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreNotEqual(string notExpected, string actual, string message = "") => Ms.Assert.AreNotEqual(notExpected, actual, message);
        public static void AreSame(object expected, object actual, string message = "") => Ms.Assert.AreSame(expected, actual, message);
        public static void AreNotSame(object notExpected, object actual, string message = "") => Ms.Assert.AreNotSame(notExpected, actual, message);
        public static void IsTrue(bool condition, string message = "") => Ms.Assert.IsTrue(condition, message);
        public static void IsFalse(bool condition, string message = "") => Ms.Assert.IsFalse(condition, message);
        public static void IsNull(object value, string message = "") => Ms.Assert.IsNull(value, message);
        public static void IsNotNull(object value, string message = "") => Ms.Assert.IsNotNull(value, message);

        // nanoFramework compares the exact type, not "is assignable to".
        public static void IsInstanceOfType(object value, Type expected, string message = "")
        {
            if (value == null || value.GetType() != expected)
            {
                throw new Ms.AssertFailedException($"Assert.IsInstanceOfType failed. Expected type:<{expected}>. Actual type:<{value?.GetType()}>. {message}");
            }
        }

        public static void Contains(string expected, string other, string message = "") => Ms.Assert.Contains(expected, other, message);
        public static void StartsWith(string expected, string other, string message = "") => Ms.Assert.StartsWith(expected, other, message);
        public static void EndsWith(string expected, string other, string message = "") => Ms.Assert.EndsWith(expected, other, message);

        // nanoFramework's ThrowsException wants the exact exception type, not a derived one.
        public static void ThrowsException(Type exceptionType, Action action, string message = "")
        {
            if (action == null)
            {
                throw new ArgumentNullException(nameof(action));
            }

            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() == exceptionType)
                {
                    return;
                }

                throw new Ms.AssertFailedException($"Assert.ThrowsException failed. Threw exception {e.GetType().Name}, but exception {exceptionType.Name} was expected. {message} Exception Message: {e.Message}");
            }

            throw new Ms.AssertFailedException($"Assert.ThrowsException failed. No exception thrown. {exceptionType.Name} exception was expected. {message}");
        }

        public static void SkipTest(string message = null) => Ms.Assert.Inconclusive(message ?? "skipped");
    }

    /// <summary>nanoFramework.TestFramework's CollectionAssert over MSTest's.</summary>
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") => Ms.Assert.AreEqual(0, collection.Count, message);
        public static void NotEmpty(ICollection collection, string message = "") => Ms.Assert.AreNotEqual(0, collection.Count, message);
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") => Ms.CollectionAssert.AreEqual(expected, actual, message);
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") => Ms.CollectionAssert.AreNotEqual(notExpected, actual, message);
    }

    /// <summary>Test output, as nanoFramework's OutputHelper.</summary>
    public static class OutputHelper
    {
        public static void Write(string message) => Console.Write(message);

        public static void WriteLine(string message) => Console.WriteLine(message);
    }
}
