// Must fail the gate: String.Replace is not in nanoFramework's mscorlib.
namespace GateSelfTest { internal static class StringReplace { public static string F(string s) { return s.Replace("a", "b"); } } }
