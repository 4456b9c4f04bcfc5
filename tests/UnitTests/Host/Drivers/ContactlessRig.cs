using System;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Drivers.Contactless;
using PosFirmware.Messaging.Host;
using PosFirmware.Virtual.Parts.Contactless;
using PosFirmware.Virtual.Parts.Serial;
using PosFirmware.Virtual.Random;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Host.Drivers;

/// <summary>A PN532 driver and reader on a timed virtual UART with the PN532 model at the other end.</summary>
internal sealed class ContactlessRig
{
    public readonly ManualClock Clock = new(1_000);
    public readonly VirtualSerialPort Port;
    public readonly Pn532Model Chip;
    public readonly Pn532 Driver;
    public readonly ContactlessReader Reader;
    public readonly SimulatedWallClock Wall;

    /// <summary>wallSet false: the wall clock is left not set (settings: the reader's, default ones when null).</summary>
    public ContactlessRig(long seed = 1, ContactlessSettings? settings = null, bool wallSet = true)
    {
        Port = new VirtualSerialPort(Clock, Pn532.BaudRate);
        Chip = new Pn532Model(Port, (int)seed);
        Driver = new Pn532(Port, Clock);
        Wall = new SimulatedWallClock(Clock);
        if (wallSet)
        {
            Wall.Set(new DateTime(2026, 11, 22, 9, 30, 0, DateTimeKind.Utc));
        }

        Reader = new ContactlessReader(Driver, Clock, Wall, new SeededRandom(seed), settings ?? new ContactlessSettings());
    }

    public static VirtualContactlessCard Card(string stem) => new(VirtualCardSpec.Load(stem));

    /// <summary>Polls every stepMs until the reader answers or forMs pass; returns the result.</summary>
    public (CardPoll Poll, CardReadStatus Failure, CardData Card, long TookMs) Read(int forMs = 10_000, int stepMs = 2)
    {
        var card = new CardData();
        long start = Clock.NowMs;
        for (int t = 0; t < forMs; t += stepMs)
        {
            Clock.Advance(stepMs);
            CardPoll p = Reader.Poll(card, out CardReadStatus failure);
            if (p != CardPoll.Nothing)
            {
                return (p, failure, card, Clock.NowMs - start);
            }
        }

        return (CardPoll.Nothing, CardReadStatus.None, card, Clock.NowMs - start);
    }

    public (CardPoll Poll, CardReadStatus Failure, CardData Card, long TookMs) Tap(VirtualContactlessCard card, long amountMinor = 1, TransactionType type = TransactionType.Sale)
    {
        Chip.Present(card);
        Reader.Start(30_000, amountMinor, TransactionRules.EmvTransactionType(type));
        return Read();
    }
}
