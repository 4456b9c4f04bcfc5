using System;
using System.Collections.Generic;
using PosFirmware.Messaging.Host;
using PosFirmware.Virtual.Network;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Terminal;
using PosFirmware.Virtual.Time;

namespace PosFirmware.HostSimulator
{
    /// <summary>
    /// Terminals and the acquirer on one simulated clock and virtual network, in process: what
    /// whole-terminal tests, simulations and benchmarks run. Step does everything due now, then
    /// jumps the clock to the next thing anyone waits for; nothing depends on real time.
    /// </summary>
    public sealed class World
    {
        public const string HostName = "acquirer";
        public const int HostPort = 5000;

        public World(HostProfile profile, byte[] terminalMasterKey, long seed)
        {
            Random = new SeededRandom(seed);
            Clock = new ManualClock(1_000);
            Network = new VirtualNetwork(Clock, Random.Derive("network"));
            Acquirer = new Acquirer(profile, terminalMasterKey, (int)(seed & 0x7FFFFFFF));
            // The host's clock runs on the simulated one (the terminals' wall clocks start at the same time).
            Acquirer.UtcClock = () => new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc).AddMilliseconds(Clock.NowMs - 1_000);
            Endpoint = new VirtualEndpoint(Acquirer, Network, HostName, HostPort);
            MasterKey = terminalMasterKey;
        }

        public SeededRandom Random { get; }

        public ManualClock Clock { get; }

        public VirtualNetwork Network { get; }

        public Acquirer Acquirer { get; }

        public VirtualEndpoint Endpoint { get; }

        public byte[] MasterKey { get; }

        public List<SimulatedTerminal> Terminals { get; } = new List<SimulatedTerminal>();

        /// <summary>Adds a terminal of the host's profile (or of terminalProfile: a test's deliberately broken copy).</summary>
        public SimulatedTerminal AddTerminal(string terminalId, Payments.Rules.TerminalParameters parameters = null, Virtual.Flash.VirtualFlash flash = null, HostProfile terminalProfile = null)
        {
            Acquirer.RegisterTerminal(terminalId);
            var t = new SimulatedTerminal(Clock, Network, SimulatedTerminal.SetupFor(terminalProfile ?? Acquirer.Profile, terminalId, MasterKey, parameters), Random.Derive("terminal " + terminalId), flash);
            Terminals.Add(t);
            return t;
        }

        /// <summary>Does everything due now; returns how much happened.</summary>
        public int Settle()
        {
            int total = 0;
            for (int round = 0; round < 1000; round++)
            {
                int work = 0;
                Network.Pump();
                Endpoint.Pump();
                Network.Pump();
                foreach (SimulatedTerminal t in Terminals)
                {
                    work += t.Poll();
                }

                total += work;
                if (work == 0)
                {
                    return total;
                }
            }

            throw new InvalidOperationException("the world does not settle at " + Clock.NowMs + " ms");
        }

        /// <summary>Settles, then jumps to the next event if it is no later than untilMs. False when nothing is left before it.</summary>
        public bool Step(long untilMs)
        {
            Settle();
            long next = Network.NextEventMs;
            foreach (SimulatedTerminal t in Terminals)
            {
                next = Math.Min(next, t.NextEventMs);
            }

            if (next > untilMs || next == long.MaxValue)
            {
                if (Clock.NowMs < untilMs)
                {
                    Clock.AdvanceTo(untilMs);
                    Settle();
                }

                return false;
            }

            if (next > Clock.NowMs)
            {
                Clock.AdvanceTo(next);
            }

            return true;
        }

        /// <summary>Runs for durationMs of simulated time.</summary>
        public void RunFor(long durationMs)
        {
            long until = Clock.NowMs + durationMs;
            int guard = 0;
            while (Step(until))
            {
                if (++guard > 1_000_000)
                {
                    throw new InvalidOperationException("too many events");
                }
            }
        }
    }
}
