// Must fail the gate: tuples are System.ValueTuple<...>, generic.
namespace GateSelfTest { internal static class Tuple { public static (int, int) F() { return (1, 2); } } }
