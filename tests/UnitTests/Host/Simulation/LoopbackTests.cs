using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.App.Run;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.Outcomes;
using PosFirmware.Payments.State;
using PosFirmware.UnitTests.Support;
using PosFirmware.Virtual.Flash;
using PosFirmware.Virtual.Network;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Terminal;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Simulation
{
    /// <summary>
    /// 100 terminals (the real run loop and engine, each on its own virtual flash) doing 50 sales
    /// each against the host simulator as a separate process over real loopback TCP, all at once;
    /// then each settles. A balanced settlement of every batch means the host holds exactly each
    /// terminal's sales: nothing lost, nothing applied twice.
    /// </summary>
    [TestClass]
    public sealed class LoopbackTests
    {
        private sealed class Terminal
        {
            public ScriptedPorts Ports;
            public TerminalLoop Loop;
            public StateJournal Journal;
            public int Started;
            public bool Settling;
            public int Outcome = -1;
        }

        [TestMethod]
        public void HundredTerminalsFiftySalesEachOverLoopbackTcp()
        {
            string dll = Path.Combine(AppContext.BaseDirectory, "PosFirmware.HostSimulator.dll");
            var start = new ProcessStartInfo("dotnet", "\"" + dll + "\" --port 0 --seed 5 --terminal 20000000-20000099") { RedirectStandardOutput = true, UseShellExecute = false };
            using Process host = Process.Start(start);
            try
            {
                string first = host.StandardOutput.ReadLine() ?? "";
                int port = int.Parse(first.Substring(first.LastIndexOf(':') + 1).Split(' ')[0]);
                var clock = new SystemClock();
                var wall = new SimulatedWallClock(clock);
                wall.Set(new DateTime(2026, 11, 22, 12, 0, 0, DateTimeKind.Utc));
                var terminals = Enumerable.Range(0, 100).Select(i =>
                {
                    EngineSetup setup = SimulatedTerminal.SetupFor(TestHost.UnionPay(), (20000000 + i).ToString(), SignOnKeys.Tmk);
                    setup.HostAddress = "127.0.0.1";
                    setup.HostPort = port;
                    var ports = new ScriptedPorts(clock) { PrintMs = 0, MaxScreens = 20 };
                    TerminalLoop loop = SimulatedTerminal.Build(setup, new VirtualFlash(), new TcpNetworkClient(clock), clock, wall, ports.Ports, new SeededRandom(i));
                    loop.PowerOn();
                    return new Terminal { Ports = ports, Loop = loop, Journal = loop.Journal };
                }).ToList();

                var watch = Stopwatch.StartNew();
                while (terminals.Any(t => t.Outcome < 0) && watch.Elapsed < TimeSpan.FromMinutes(3))
                {
                    foreach (Terminal t in terminals)
                    {
                        t.Loop.Poll();
                        TransactionEngine e = t.Loop.Engine;
                        if (e.Phase == Phase.Outcome && !t.Ports.HasPendingInput)
                        {
                            t.Ports.Type("E");
                        }

                        if (e.Phase != Phase.Idle || e.Link != LinkState.Closed || t.Ports.HasPendingInput || t.Outcome >= 0)
                        {
                            continue;
                        }

                        if (t.Settling)
                        {
                            t.Outcome = e.LastOutcome;
                        }
                        else if (t.Started < 50)
                        {
                            t.Started++;
                            t.Ports.Type("E" + (5000 + t.Started) + "E");
                            // One card per terminal: a card's taps reach the issuer in the order they were made.
                            t.Ports.Present(PosFirmware.UnitTests.Engine.EngineRig.Contactless("62284800000" + (20000000 + terminals.IndexOf(t))));
                        }
                        else
                        {
                            Assert.AreEqual(50, t.Journal.State.BatchCount, "every sale approved");
                            t.Settling = true;
                            t.Ports.Type("FFF1E");
                        }
                    }
                }

                Assert.IsTrue(terminals.All(t => t.Outcome >= 0), "finished in time: " + terminals.Count(t => t.Outcome >= 0) + " of 100");
                Assert.IsTrue(terminals.All(t => t.Outcome == OutcomeCodes.Settled), "every batch balanced at the first try: "
                    + string.Join(",", terminals.Select(t => t.Outcome).Distinct()));
                Assert.IsTrue(terminals.All(t => t.Journal.State.Batch == 2 && t.Journal.State.Reversal == null));
            }
            finally
            {
                host.Kill();
            }
        }
    }
}
