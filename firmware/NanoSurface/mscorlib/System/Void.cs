namespace System
{
    // nanoframework/CoreLibrary:nanoFramework.CoreLibrary/System/Void.cs
    public struct Void { }
}
