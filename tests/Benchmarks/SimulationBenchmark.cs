using System.Diagnostics;
using System.Net;
using PosFirmware.App.Engine;
using PosFirmware.App.Run;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.State;
using PosFirmware.Simulation;
using PosFirmware.Virtual.Flash;
using PosFirmware.Virtual.Network;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Terminal;
using PosFirmware.Virtual.Time;

namespace PosFirmware.Benchmarks;

/// <summary>
/// Issue 5's figures: seeded fault scenarios per second on one core (the CI simulation's
/// scenario, run one after another on this thread), and the host simulator's transactions per
/// second over loopback TCP (32 terminals on the real run loop, each doing sales back to back).
/// </summary>
public static class SimulationBenchmark
{
    public static void Run()
    {
        for (int i = 0; i < 50; i++)
        {
            new Scenario(1_000_000 + i).Run();
        }

        const int scenarios = 2_000;
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < scenarios; i++)
        {
            new Scenario(1 + i).Run();
        }

        watch.Stop();
        Measure.Print("simulation_scenarios_per_second_one_core", scenarios / watch.Elapsed.TotalSeconds, "scenarios/s");
        Loopback();
    }

    private static void Loopback()
    {
        byte[] tmk = Convert.FromHexString("11111111111111112222222222222222");
        HostProfile profile = HostProfile.UnionPay(Convert.FromHexString("6006010000"), Convert.FromHexString("603200324017"));
        using var host = new TcpHost(new Acquirer(profile, tmk, 3, Enumerable.Range(30000000, 32).Select(i => i.ToString())), IPAddress.Loopback, 0);
        host.Start();
        var clock = new SystemClock();
        var wall = new SimulatedWallClock(clock);
        wall.Set(new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc));
        var terminals = new List<(ScriptedPorts Ports, TerminalLoop Loop, StateJournal Journal)>();
        for (int i = 0; i < 32; i++)
        {
            EngineSetup setup = SimulatedTerminal.SetupFor(profile, (30000000 + i).ToString(), tmk);
            setup.HostAddress = "127.0.0.1";
            setup.HostPort = host.Port;
            var ports = new ScriptedPorts(clock) { PrintMs = 0, MaxScreens = 10 };
            TerminalLoop loop = SimulatedTerminal.Build(setup, new VirtualFlash(logCapacity: 0), new TcpNetworkClient(clock), clock, wall, ports.Ports, new SeededRandom(i));
            loop.PowerOn();
            terminals.Add((ports, loop, loop.Journal));
        }

        var watch = Stopwatch.StartNew();
        long answeredAtStart = -1;
        while (watch.Elapsed < TimeSpan.FromSeconds(8))
        {
            foreach (var (ports, loop, journal) in terminals)
            {
                loop.Poll();
                TransactionEngine e = loop.Engine;
                if (e.Phase == Phase.Outcome && !ports.HasPendingInput)
                {
                    ports.Type("E");
                }
                else if (e.Phase == Phase.Idle && e.Link == LinkState.Closed && !ports.HasPendingInput)
                {
                    if (journal.State.BatchCount >= journal.State.BatchCapacity - 1)
                    {
                        ports.Type("FFF1E");
                    }
                    else
                    {
                        ports.Type("E6000E");
                        // A new tap each sale, one card per terminal: a card's taps reach the issuer in order.
                        ports.Present(PosFirmware.Virtual.Parts.Contactless.VirtualCards.Tapped("62284800000" + (30000000 + terminals.FindIndex(x => x.Ports == ports))));
                    }
                }
            }

            if (answeredAtStart < 0 && watch.Elapsed > TimeSpan.FromSeconds(2))
            {
                answeredAtStart = host.Answered;
                watch.Restart();
            }
        }

        Measure.Print("host_simulator_transactions_per_second_loopback_tcp", (host.Answered - answeredAtStart) / watch.Elapsed.TotalSeconds, "tx/s");
    }
}
