namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Type.cs, RuntimeType.cs,
    // RuntimeTypeHandle.cs, RuntimeFieldHandle.cs, RuntimeMethodHandle.cs
    public abstract class Type
    {
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => throw null;
        public abstract string Name { get; }
        public static bool operator ==(Type left, Type right) => throw null;
        public static bool operator !=(Type left, Type right) => throw null;
        public override bool Equals(object o) => throw null;
        public override int GetHashCode() => throw null;
    }

    public struct RuntimeTypeHandle { }
    public struct RuntimeFieldHandle { }
    public struct RuntimeMethodHandle { }
}
