namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Int64.cs
    public struct Int64
    {
        public const long MaxValue = 0x7fffffffffffffffL;
        public const long MinValue = unchecked((long)0x8000000000000000L);
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static long Parse(string s) => throw null;
    }
}
