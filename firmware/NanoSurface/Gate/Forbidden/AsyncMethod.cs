// Must fail the gate: no async/await, no Task.
namespace GateSelfTest { internal class AsyncMethod { public async void F() { } } }
