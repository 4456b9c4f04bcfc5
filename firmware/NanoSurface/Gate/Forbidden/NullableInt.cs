// Must fail the gate: int? is Nullable<int>, a generic type.
namespace GateSelfTest { internal class NullableInt { private int? _maybe; } }
