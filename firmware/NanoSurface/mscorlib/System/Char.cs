namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Char.cs
    public struct Char
    {
        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;
        public override string ToString() => throw null;
    }
}
