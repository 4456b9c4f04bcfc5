namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/SByte.cs
    public struct SByte
    {
        public override string ToString() => throw null;
    }
}
