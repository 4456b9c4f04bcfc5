// Must fail the gate: String.Join is not in nanoFramework's mscorlib.
namespace GateSelfTest { internal static class StringJoin { public static string F(string[] a) { return string.Join(",", a); } } }
