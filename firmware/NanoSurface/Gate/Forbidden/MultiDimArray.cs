// Must fail the gate (GateCheck): multidimensional arrays.
namespace GateSelfTest { internal class MultiDimArray { private int[,] _grid = new int[2, 2]; } }
