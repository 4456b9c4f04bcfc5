namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Single.cs
    public struct Single
    {
        public override string ToString() => throw null;
    }
}
