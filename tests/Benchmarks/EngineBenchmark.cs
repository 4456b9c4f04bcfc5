using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.HostSimulator;
using PosFirmware.Messaging.Host;
using PosFirmware.Virtual.Terminal;

namespace PosFirmware.Benchmarks;

/// <summary>
/// Issue 4's figures: an approved online contactless sale end to end (run loop, engine,
/// messaging, journal on the virtual flash and network, the acquirer answering in process), as
/// durable flash closes, flash bytes written and managed bytes the terminal allocates (its Poll
/// calls only: the host's work is not counted). Then 10 000 sales with a settlement every 500,
/// averaged, with the first and last 500 side by side to show nothing grows.
/// </summary>
public static class EngineBenchmark
{
    private const string Pan = "6228480000000000001";

    public static void Run()
    {
        var world = new World(HostProfile.UnionPay(Convert.FromHexString("6006010000"), Convert.FromHexString("603200324017")),
            Convert.FromHexString("11111111111111112222222222222222"), 1);
        SimulatedTerminal t = world.AddTerminal("10020831");
        t.PowerOn();
        world.RunFor(5_000);
        t.MeasureAllocations = true;

        // Warm-up: one sale, so first-use costs (JIT, lazily built tables) are not counted.
        Sale(world, t);
        var one = Sale(world, t);
        Measure.Print("engine_sale_durable_closes", one.Closes, "closes");
        Measure.Print("engine_sale_flash_bytes", one.FlashBytes, "B");
        Measure.Print("engine_sale_allocated_bytes", one.Allocated, "B");

        Settle(world, t, 0);
        const int sales = 10_000;
        const int settleEvery = 500;
        var total = new Figures();
        var first = new Figures();
        var last = new Figures();
        for (int i = 1; i <= sales; i++)
        {
            Figures f = Sale(world, t);
            total.Add(f);
            if (f.Approved != 1)
            {
                Console.Error.WriteLine("sale " + i + " not approved: outcome " + t.Engine!.LastOutcome + " screen " + t.Ports.Screen!.Id);
            }

            if (i <= settleEvery)
            {
                first.Add(f);
            }
            else if (i > sales - settleEvery)
            {
                last.Add(f);
            }

            if (i % settleEvery == 0)
            {
                Settle(world, t, i);
            }
        }

        Measure.Print("engine_10k_durable_closes_per_sale", total.Closes / (double)sales, "closes");
        Measure.Print("engine_10k_flash_bytes_per_sale", total.FlashBytes / (double)sales, "B");
        Measure.Print("engine_10k_allocated_bytes_per_sale", total.Allocated / (double)sales, "B");
        Measure.Print("engine_first500_allocated_bytes_per_sale", first.Allocated / (double)settleEvery, "B");
        Measure.Print("engine_last500_allocated_bytes_per_sale", last.Allocated / (double)settleEvery, "B");
        Measure.Print("engine_first500_flash_bytes_per_sale", first.FlashBytes / (double)settleEvery, "B");
        Measure.Print("engine_last500_flash_bytes_per_sale", last.FlashBytes / (double)settleEvery, "B");
        Measure.Print("engine_10k_approved", total.Approved, "sales");
        Measure.Print("engine_10k_host_balance_taken", (world.Acquirer.DefaultBalanceMinor - world.Acquirer.AccountFor(Pan).BalanceMinor) / 100.0, "CNY");
    }

    private static void Settle(World world, SimulatedTerminal t, int afterSale)
    {
        t.Ports.Type("FFF1E");
        world.RunFor(30_000);
        t.Ports.Type("E");
        world.RunFor(5_000);
        if (t.State!.BatchCount != 0)
        {
            throw new InvalidOperationException("settlement did not close the batch after sale " + afterSale);
        }
    }

    private sealed class Figures
    {
        public long Closes;
        public long FlashBytes;
        public long Allocated;
        public long Approved;

        public void Add(Figures f)
        {
            Closes += f.Closes;
            FlashBytes += f.FlashBytes;
            Allocated += f.Allocated;
            Approved += f.Approved;
        }
    }

    private static Figures Sale(World world, SimulatedTerminal t)
    {
        long closes = t.Flash.DurableCloseCount;
        long bytes = t.Flash.BytesCommitted;
        long allocated = t.AllocatedBytes;
        int batch = t.State!.BatchCount;
        t.Ports.Type("E6000E");
        // Tapped before it is presented, for the sale's amount: the card's own work is not the terminal's.
        t.Ports.Present(PosFirmware.Virtual.Parts.Contactless.VirtualCards.TappedNow(Pan, 6000, PosFirmware.Messaging.Host.TransactionType.Sale));
        world.RunFor(10_000);
        if (t.Ports.Screen!.Id != ScreenId.Idle)
        {
            t.Ports.Type("E");
            world.RunFor(1_000);
        }

        return new Figures
        {
            Closes = t.Flash.DurableCloseCount - closes,
            FlashBytes = t.Flash.BytesCommitted - bytes,
            Allocated = t.AllocatedBytes - allocated,
            Approved = t.State!.BatchCount - batch,
        };
    }
}
