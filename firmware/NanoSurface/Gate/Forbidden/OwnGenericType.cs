// Must fail the gate (GateCheck): a generic type of our own compiles, but nanoFramework 1.17 cannot run it.
namespace GateSelfTest { internal class Box<T> { public T Value; } }
