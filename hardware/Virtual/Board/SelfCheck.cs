using PosFirmware.Common;
using PosFirmware.Hal;
using PosFirmware.Virtual.Flash;
using PosFirmware.Virtual.Network;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Time;

namespace PosFirmware.VirtualBoard;

/// <summary>The checks the virtual board runs at start, each a small real use of one part.</summary>
public sealed partial class SelfCheck
{
    private readonly SeededRandom _random;

    public SelfCheck(long seed)
    {
        _random = new SeededRandom(seed);
    }

    /// <summary>Runs every check, writes a line for each and a summary; returns how many failed.</summary>
    public int RunAll(TextWriter output)
    {
        var checks = new (string Name, Func<string> Run)[]
        {
            ("clock and deadlines", CheckClock),
            ("flash survives a power cut", CheckFlash),
            ("flash bit flip caught by CRC", CheckBitFlip),
            ("network round trip", CheckNetwork),
            ("network partition detected", CheckPartition),
            ("display", CheckDisplay),
            ("keypad", CheckKeypad),
            ("contactless reader", CheckContactless),
            ("printer", CheckPrinter),
        };

        int passed = 0, failed = 0;
        foreach (var (name, run) in checks)
        {
            string result;
            bool ok;
            try
            {
                result = run();
                ok = true;
            }
            catch (Exception e)
            {
                result = e.Message;
                ok = false;
            }

            output.WriteLine($"  {(ok ? "ok  " : "FAIL")} {name}: {result}");
            if (ok)
            {
                passed++;
            }
            else
            {
                failed++;
            }
        }

        output.WriteLine($"self-check: {passed} passed, {failed} failed");
        return failed;
    }

    private static string CheckClock()
    {
        var clock = new ManualClock();
        var table = new DeadlineTable(2);
        table.Arm(0, Deadline.After(clock, 30_000));
        clock.Advance(29_999);
        Expect(table.TakeExpired(clock.NowMs) == -1, "host-response deadline fired early");
        clock.Advance(1);
        Expect(table.TakeExpired(clock.NowMs) == 0, "host-response deadline did not fire at 30 s");
        return "a 30 s deadline fired at exactly 30000 ms of simulated time";
    }

    private string CheckFlash()
    {
        var flash = new VirtualFlash();
        byte[] first = Record("reversal STAN 000121");
        Append(flash, first);
        flash.ScheduleCut(flash.OperationCount + 1, CutPoint.After); // after the write, before the close
        try
        {
            Append(flash, Record("outcome STAN 000121"));
            throw new InvalidOperationException("the scheduled power cut did not happen");
        }
        catch (PowerCutException)
        {
            flash.PowerOn();
        }

        byte[] stored = ReadAll(flash);
        Expect(stored.AsSpan().SequenceEqual(first), "the flash did not hold exactly the closed record");
        Expect(Intact(stored), "the surviving record's CRC does not match");
        return $"closed record kept ({stored.Length} B), unclosed record lost, {flash.DurableCloseCount} durable close(s)";
    }

    private string CheckBitFlip()
    {
        var flash = new VirtualFlash();
        Append(flash, Record("pending reversal"));
        flash.FlipRandomBits(_random.Derive("bit-flip"), 1);
        Expect(!Intact(ReadAll(flash)), "a flipped bit went unnoticed");
        return "1 flipped bit, record rejected";
    }

    private string CheckNetwork()
    {
        var clock = new ManualClock();
        var network = new VirtualNetwork(clock, _random.Derive("network"));
        var listener = network.Listen("acquirer", 5000);
        var terminal = network.CreateClient();
        Expect(terminal.Connect("acquirer", 5000, Deadline.After(clock, 5000)) == NetStatus.Ok, "connect did not start");
        VirtualSocket? host = null;
        while (host == null && clock.NowMs < 5000)
        {
            clock.AdvanceTo(Math.Min(network.NextEventMs, clock.NowMs + 100));
            host = listener.Accept();
        }

        Expect(host != null, "the host never saw the connection");
        byte[] ping = { 0x00, 0x04, (byte)'P', (byte)'I', (byte)'N', (byte)'G' };
        terminal.Send(ping, 0, ping.Length, Deadline.After(clock, 1000));
        var echo = new byte[16];
        int atHost = 0, atTerminal = 0;
        while ((atHost < ping.Length || atTerminal < ping.Length) && clock.NowMs < 10_000)
        {
            clock.AdvanceTo(Math.Min(network.NextEventMs, clock.NowMs + 100));
            int n = host!.Receive(echo, atHost, echo.Length - atHost);
            if (n > 0)
            {
                host.Send(echo, atHost, n);
                atHost += n;
            }

            atTerminal += terminal.Receive(echo, 8, 8 - Math.Min(8, atTerminal));
        }

        Expect(atTerminal == ping.Length, "the echo did not come back");
        return $"{ping.Length} B echoed in {clock.NowMs} ms of simulated time";
    }

    private string CheckPartition()
    {
        var clock = new ManualClock();
        var network = new VirtualNetwork(clock, _random.Derive("partition"));
        network.Listen("acquirer", 5000);
        var terminal = network.CreateClient();
        network.SetPartitioned(true);
        NetStatus status = terminal.Connect("acquirer", 5000, Deadline.After(clock, 5000));
        Expect(!terminal.IsLinkUp && status == NetStatus.LinkDown, "a dead link was not reported");
        return "link down reported at once, no wait";
    }

    private static void Append(IFlashStore flash, byte[] data)
    {
        Expect(flash.OpenAppend("journal", out var file) == FlashStatus.Ok, "open failed");
        Expect(file.Write(data, 0, data.Length) == FlashStatus.Ok, "write failed");
        Expect(file.Close() == FlashStatus.Ok, "close failed");
    }

    private static byte[] ReadAll(IFlashStore flash)
    {
        flash.GetLength("journal", out int length);
        var buffer = new byte[length];
        flash.ReadAt("journal", 0, buffer, 0, length, out _);
        return buffer;
    }

    private static byte[] Record(string text)
    {
        byte[] payload = System.Text.Encoding.ASCII.GetBytes(text);
        var record = new byte[payload.Length + 4];
        payload.CopyTo(record, 0);
        BitConverter.GetBytes(Crc32.Compute(payload, 0, payload.Length)).CopyTo(record, payload.Length);
        return record;
    }

    private static bool Intact(byte[] record) =>
        record.Length >= 4 && BitConverter.ToUInt32(record, record.Length - 4) == Crc32.Compute(record, 0, record.Length - 4);

    private static void Expect(bool condition, string failure)
    {
        if (!condition)
        {
            throw new InvalidOperationException(failure);
        }
    }
}
