namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/IDisposable.cs, IComparable.cs,
    // ICloneable.cs, IFormatProvider.cs, IFormattable.cs
    public interface IDisposable
    {
        void Dispose();
    }

    public interface IComparable
    {
        int CompareTo(object obj);
    }

    public interface ICloneable
    {
        object Clone();
    }
}
