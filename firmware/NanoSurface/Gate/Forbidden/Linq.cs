// Must fail the gate: no LINQ.
using System.Linq;
namespace GateSelfTest { internal static class Linq { public static int F(int[] a) { return a.Count(); } } }
