namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Boolean.cs
    public struct Boolean
    {
        public override string ToString() => throw null;
    }
}
