using System;

namespace PosFirmware.HostSimulator
{
    public static class Program
    {
        public static int Main(string[] args)
        {
            Console.WriteLine("host simulator: the TCP server comes with issue 5");
            return 0;
        }
    }
}
