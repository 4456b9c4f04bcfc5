namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/UInt16.cs
    public struct UInt16
    {
        public const ushort MaxValue = 0xFFFF;
        public const ushort MinValue = 0;
        public override string ToString() => throw null;
    }
}
