// Must fail the gate: generic collections do not exist on nanoFramework 1.17.
using System.Collections.Generic;
namespace GateSelfTest { internal class GenericList { private List<int> _values = new List<int>(); } }
