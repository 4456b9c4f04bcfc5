// Must fail the gate: no decimal; money is long minor units.
namespace GateSelfTest { internal class DecimalMoney { private decimal _amount; } }
