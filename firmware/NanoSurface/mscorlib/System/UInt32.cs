namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/UInt32.cs
    public struct UInt32
    {
        public const uint MaxValue = 0xffffffff;
        public const uint MinValue = 0;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
    }
}
