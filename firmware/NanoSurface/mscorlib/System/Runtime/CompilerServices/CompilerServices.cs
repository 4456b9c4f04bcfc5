namespace System.Runtime.CompilerServices
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Runtime/CompilerServices/
    // RuntimeHelpers.cs, IndexerNameAttribute.cs, ExtensionAttribute.cs,
    // CompilerGeneratedAttribute.cs, MethodImplAttribute.cs, MethodImplOptions.cs
    public static class RuntimeHelpers
    {
        public static void InitializeArray(Array array, RuntimeFieldHandle fldHandle) => throw null;
    }

    [AttributeUsage(AttributeTargets.Property, Inherited = true)]
    public sealed class IndexerNameAttribute : Attribute
    {
        public IndexerNameAttribute(string indexerName) { }
    }

    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Method | AttributeTargets.Assembly)]
    public sealed class ExtensionAttribute : Attribute { }

    [AttributeUsage(AttributeTargets.All, Inherited = true)]
    public sealed class CompilerGeneratedAttribute : Attribute { }

    public enum MethodImplOptions
    {
        InternalCall = 0x1000,
    }

    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Constructor, Inherited = false)]
    public sealed class MethodImplAttribute : Attribute
    {
        public MethodImplAttribute(MethodImplOptions methodImplOptions) { }
        public MethodImplAttribute() { }
    }
}
