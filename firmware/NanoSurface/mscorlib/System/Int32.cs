namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Int32.cs
    public struct Int32
    {
        public const int MaxValue = 0x7fffffff;
        public const int MinValue = unchecked((int)0x80000000);
        public override string ToString() => throw null;
        public string ToString(string format) => throw null;
        public static int Parse(string s) => throw null;
    }
}
