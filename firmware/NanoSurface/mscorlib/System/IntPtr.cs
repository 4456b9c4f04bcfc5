namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/IntPtr.cs and UIntPtr.cs
    public struct IntPtr { }
    public struct UIntPtr { }
}
