namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Byte.cs
    public struct Byte
    {
        public const byte MaxValue = 0xFF;
        public const byte MinValue = 0;
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
    }
}
