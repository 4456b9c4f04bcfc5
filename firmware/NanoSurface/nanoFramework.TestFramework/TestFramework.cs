using System;
using System.Collections;

namespace nanoFramework.TestFramework
{
    // nanoframework/nanoFramework.TestFramework:source/TestFrameworkShared/TestClassAttribute.cs
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute { }

    // nanoframework/nanoFramework.TestFramework:source/TestFrameworkShared/TestMethodAttribute.cs
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute { }

    // nanoframework/nanoFramework.TestFramework:source/TestFrameworkShared/SetupAttribute.cs
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class SetupAttribute : Attribute { }

    // nanoframework/nanoFramework.TestFramework:source/TestFrameworkShared/CleanupAttribute.cs
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class CleanupAttribute : Attribute { }

    // nanoframework/nanoFramework.TestFramework:source/TestFrameworkShared/DataRowAttribute.cs
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
    public class DataRowAttribute : Attribute
    {
        public DataRowAttribute(params object[] methodParameters) { }
        public object[] MethodParameters => throw null;
    }

    // nanoframework/nanoFramework.TestFramework:source/TestFramework/Assert.cs and
    // Assert.NoGenerics.AreEqual.cs (the 3.x no-generics build). There is no Assert.Fail.
    public sealed class Assert
    {
        public static void AreEqual(bool expected, bool actual, string message = "") => throw null;
        public static void AreEqual(byte expected, byte actual, string message = "") => throw null;
        public static void AreEqual(char expected, char actual, string message = "") => throw null;
        public static void AreEqual(DateTime expected, DateTime actual, string message = "") => throw null;
        public static void AreEqual(double expected, double actual, string message = "") => throw null;
        public static void AreEqual(float expected, float actual, string message = "") => throw null;
        public static void AreEqual(int expected, int actual, string message = "") => throw null;
        public static void AreEqual(long expected, long actual, string message = "") => throw null;
        public static void AreEqual(object expected, object actual, string message = "") => throw null;
        public static void AreEqual(sbyte expected, sbyte actual, string message = "") => throw null;
        public static void AreEqual(short expected, short actual, string message = "") => throw null;
        public static void AreEqual(string expected, string actual, string message = "") => throw null;
        public static void AreEqual(uint expected, uint actual, string message = "") => throw null;
        public static void AreEqual(ulong expected, ulong actual, string message = "") => throw null;
        public static void AreEqual(ushort expected, ushort actual, string message = "") => throw null;
        public static void AreNotEqual(int notExpected, int actual, string message = "") => throw null;
        public static void AreNotEqual(long notExpected, long actual, string message = "") => throw null;
        public static void AreNotEqual(object notExpected, object actual, string message = "") => throw null;
        public static void AreNotEqual(string notExpected, string actual, string message = "") => throw null;
        public static void AreSame(object expected, object actual, string message = "") => throw null;
        public static void AreNotSame(object notExpected, object actual, string message = "") => throw null;
        public static void IsTrue(bool condition, string message = "") => throw null;
        public static void IsFalse(bool condition, string message = "") => throw null;
        public static void IsNull(object value, string message = "") => throw null;
        public static void IsNotNull(object value, string message = "") => throw null;
        public static void IsInstanceOfType(object value, Type expected, string message = "") => throw null;
        public static void Contains(string expected, string other, string message = "") => throw null;
        public static void StartsWith(string expected, string other, string message = "") => throw null;
        public static void EndsWith(string expected, string other, string message = "") => throw null;
        public static void ThrowsException(Type exceptionType, Action action, string message = "") => throw null;
        public static void SkipTest(string message = null) => throw null;
    }

    // nanoframework/nanoFramework.TestFramework:source/TestFramework/CollectionAssert.cs
    public sealed class CollectionAssert
    {
        public static void Empty(ICollection collection, string message = "") => throw null;
        public static void NotEmpty(ICollection collection, string message = "") => throw null;
        public static void AreEqual(ICollection expected, ICollection actual, string message = "") => throw null;
        public static void AreNotEqual(ICollection notExpected, ICollection actual, string message = "") => throw null;
    }

    // nanoframework/nanoFramework.TestFramework:source/TestFramework/OutputHelper.cs
    public static class OutputHelper
    {
        public static void WriteLine(string message) => throw null;
        public static void Write(string message) => throw null;
    }
}
