namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/UInt64.cs
    public struct UInt64
    {
        public const ulong MaxValue = 0xffffffffffffffffL;
        public const ulong MinValue = 0x0;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
    }
}
