using System;
using PosFirmware.App.Engine;
using PosFirmware.App.Run;
using PosFirmware.Devices;
using PosFirmware.Hal;
using PosFirmware.Messaging.Host;
using PosFirmware.Payments.Journal;
using PosFirmware.Payments.Rules;
using PosFirmware.Payments.State;
using PosFirmware.Security;
using PosFirmware.Virtual.Flash;
using PosFirmware.Virtual.Network;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Time;

namespace PosFirmware.Virtual.Terminal;

/// <summary>
/// One whole terminal on the virtual board: the firmware core (journal, engine, run loop) on a
/// VirtualFlash, a VirtualNetwork client and ScriptedPorts, all on the shared simulated clock.
/// A power cut (a PowerCutException from the flash, or CutPower) kills the RAM side; PowerOn
/// builds it again from what the flash holds, exactly like a reboot.
/// </summary>
public sealed class SimulatedTerminal
{
    private readonly ManualClock _clock;
    private readonly SimulatedWallClock _wall;
    private readonly SeededRandom _random;

    /// <summary>wall: the terminal's wall clock (default: set to 2026-11-22 10:00 UTC at creation).</summary>
    public SimulatedTerminal(ManualClock clock, VirtualNetwork network, EngineSetup setup, SeededRandom random, VirtualFlash? flash = null, SimulatedWallClock? wall = null)
    {
        _clock = clock;
        _random = random;
        if (wall == null)
        {
            wall = new SimulatedWallClock(clock);
            wall.Set(new DateTime(2026, 11, 22, 10, 0, 0, DateTimeKind.Utc));
        }

        _wall = wall;
        Setup = setup;
        Flash = flash ?? new VirtualFlash();
        Network = network.CreateClient(setup.Identity.TerminalId);
        Observed = new ObservedNetwork(Network);
        Ports = new ScriptedPorts(clock);
    }

    public EngineSetup Setup { get; }

    public VirtualFlash Flash { get; }

    public VirtualNetworkClient Network { get; }

    /// <summary>The terminal's network as the firmware uses it: OnSend sees every frame it sends.</summary>
    public ObservedNetwork Observed { get; }

    public ScriptedPorts Ports { get; }

    public StateJournal? Journal { get; private set; }

    public TerminalLoop? Loop { get; private set; }

    public TerminalState? State => Journal?.State;

    public TransactionEngine? Engine => Loop?.Engine;

    public bool IsOn => Loop != null;

    public int PowerCuts { get; private set; }

    /// <summary>
    /// Test seam, null normally: at each boot it wraps the journal's durable port in what the engine
    /// is given (decorators: the simulation's breakage switches, the watch of batch closes).
    /// </summary>
    public Func<IDurableState, IDurableState>? DurableFilter { get; set; }

    /// <summary>Journal capacities of the terminal (batch records, advices, events) and its compaction size.</summary>
    public static TerminalState NewState() => new(500, 32, 32);

    public const int MaxPayloadBytes = 1024;

    public const int CompactAtBytes = 96 * 1024;

    /// <summary>
    /// The firmware core of one terminal (journal with the sizes above, engine, run loop) over the
    /// given parts, not yet powered on: for this class and for terminals on real TCP.
    /// </summary>
    public static TerminalLoop Build(EngineSetup setup, IFlashStore flash, INetwork network, IClock clock, IWallClock wall, TerminalPorts ports, IRandomSource random,
        Func<IDurableState, IDurableState>? durableFilter = null)
    {
        var journal = new StateJournal(new Journal(flash, MaxPayloadBytes, CompactAtBytes), NewState(), 4096);
        IDurableState durable = new JournalDurableState(journal);
        if (durableFilter != null)
        {
            durable = durableFilter(durable);
        }

        return new TerminalLoop(new TransactionEngine(setup, durable, random), journal, network, clock, wall, setup, ports);
    }

    /// <summary>Boots: a new RAM side over the flash. False when the power went again during the boot.</summary>
    public bool PowerOn()
    {
        Flash.PowerOn();
        Loop = Build(Setup, Flash, Observed, _clock, _wall, Ports.Ports, _random, DurableFilter);
        Journal = Loop.Journal;
        try
        {
            Loop.PowerOn();
            return true;
        }
        catch (PowerCutException)
        {
            LosePower();
            return false;
        }
    }

    /// <summary>One pass of the run loop; a power cut during it turns the terminal off.</summary>
    public int Poll()
    {
        if (Loop == null)
        {
            return 0;
        }

        long before = MeasureAllocations ? GC.GetAllocatedBytesForCurrentThread() - Flash.OwnAllocatedBytes : 0;
        try
        {
            return Loop.Poll();
        }
        catch (PowerCutException)
        {
            LosePower();
            return 1;
        }
        finally
        {
            if (MeasureAllocations)
            {
                AllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - Flash.OwnAllocatedBytes - before;
            }
        }
    }

    /// <summary>When set, Poll adds the managed bytes the terminal allocates to AllocatedBytes (benchmarks); the virtual flash's own bookkeeping is left out.</summary>
    public bool MeasureAllocations { get; set; }

    public long AllocatedBytes { get; set; }

    /// <summary>Power off now (between two operations).</summary>
    public void CutPower()
    {
        Flash.CutPowerNow();
        LosePower();
    }

    private void LosePower()
    {
        PowerCuts++;
        Loop = null;
        Journal = null;
        Network.Close();
        Ports.Stop();
    }

    /// <summary>When this terminal next has something to do by itself (a timer or the printer).</summary>
    public long NextEventMs
    {
        get
        {
            if (Loop == null)
            {
                return long.MaxValue;
            }

            long timer = Loop.NextDeadline.ExpiresAtMs;
            return Math.Min(timer, Ports.NextEventMs);
        }
    }

    /// <summary>The standard setup of a simulated terminal against a profile.</summary>
    public static EngineSetup SetupFor(HostProfile profile, string terminalId, byte[] terminalMasterKey, TerminalParameters? parameters = null) => new()
    {
        Profile = profile,
        Identity = new TerminalIdentity(terminalId, "308640041110003", "001"),
        Parameters = parameters ?? new TerminalParameters(),
        MerchantName = "SIMULATED MERCHANT",
        HostAddress = "acquirer",
        HostPort = 5000,
        TerminalMasterKey = new DesKey(terminalMasterKey),
    };
}
