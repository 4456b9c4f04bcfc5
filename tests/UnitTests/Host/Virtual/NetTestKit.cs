using PosFirmware.Hal;
using PosFirmware.Virtual.Network;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Virtual
{
    /// <summary>A clock, a network, a listening host and one terminal, for the network tests.</summary>
    internal sealed class NetTestKit
    {
        public NetTestKit(long seed = 1)
        {
            Clock = new ManualClock();
            Network = new VirtualNetwork(Clock, new SeededRandom(seed));
            Listener = Network.Listen("host", 5000);
            Terminal = Network.CreateClient();
        }

        public ManualClock Clock { get; }

        public VirtualNetwork Network { get; }

        public VirtualListener Listener { get; }

        public VirtualNetworkClient Terminal { get; }

        /// <summary>Advances the clock to the network's next event (or by 1 s when there is none).</summary>
        public void Step()
        {
            long next = Network.NextEventMs;
            Clock.AdvanceTo(next == long.MaxValue ? Clock.NowMs + 1000 : next);
        }

        public VirtualSocket Connect()
        {
            Terminal.Connect("host", 5000, Deadline.After(Clock, 10_000));
            VirtualSocket server = null;
            for (int i = 0; i < 10 && server == null; i++)
            {
                Step();
                server = Listener.Accept();
            }

            return server;
        }

        public static byte[] Bytes(params byte[] b) => b;

        public int ReceiveAll(VirtualSocket socket, byte[] into)
        {
            int n = 0;
            for (int i = 0; i < 20; i++)
            {
                Step();
                n += socket.Receive(into, n, into.Length - n);
            }

            return n;
        }
    }
}
