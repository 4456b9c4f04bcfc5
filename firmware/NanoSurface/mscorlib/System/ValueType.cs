namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/ValueType.cs
    public abstract class ValueType
    {
        public override bool Equals(object obj) => throw null;
        public override int GetHashCode() => throw null;
        public override string ToString() => throw null;
    }
}
