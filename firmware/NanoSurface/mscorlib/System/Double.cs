namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Double.cs
    public struct Double
    {
        public override string ToString() => throw null;
    }
}
