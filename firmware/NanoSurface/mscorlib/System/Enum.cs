namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Enum.cs
    // ToString() returns the number on nanoFramework, so the firmware never relies on names.
    public abstract class Enum : ValueType
    {
    }
}
