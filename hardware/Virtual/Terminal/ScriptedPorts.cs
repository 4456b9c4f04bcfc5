using PosFirmware.Virtual.Parts.Contactless;
using System.Collections.Generic;
using PosFirmware.Devices;
using PosFirmware.Hal;

namespace PosFirmware.Virtual.Terminal;

/// <summary>
/// The terminal's peripherals as a script, for simulations and whole-terminal tests until the
/// chip models drive the real drivers: keys and cards queued by the test, screens and slips
/// recorded, a printer that takes PrintMs per slip and can run out of paper. Time comes from the
/// simulated clock, so the printer's delay is deterministic.
/// </summary>
public sealed class ScriptedPorts : IKeypadPort, ICardPort, IDisplayPort, IPrinterPort, IBuzzerPort
{
    private readonly IClock _clock;
    private readonly Queue<KeyCode> _keys = new();
    private readonly Queue<(CardData? Card, CardReadStatus Failure)> _cards = new();
    private readonly Queue<(string[] Lines, long DoneAtMs)> _jobs = new();

    public ScriptedPorts(IClock clock)
    {
        _clock = clock;
    }

    public TerminalPorts Ports => new() { Keypad = this, Card = this, Display = this, Printer = this, Buzzer = this };

    public bool IsReading { get; private set; }

    public Screen? Screen { get; private set; }

    public List<Screen> Screens { get; } = new();

    public List<string[]> Slips { get; } = new();

    public int Beeps { get; private set; }

    /// <summary>How long one slip takes.</summary>
    public int PrintMs { get; set; } = 500;

    /// <summary>Slips the printer fails with "out of paper" before it prints again.</summary>
    public int PaperOutJobs { get; set; }

    /// <summary>Most screens kept (a long simulation must not grow without bound).</summary>
    public int MaxScreens { get; set; } = 1_000;

    public void Press(params KeyCode[] keys)
    {
        foreach (var k in keys)
        {
            _keys.Enqueue(k);
        }
    }

    /// <summary>Keys by name: digits, 'E' enter, 'C' cancel, 'F' func.</summary>
    public void Type(string keys)
    {
        foreach (char c in keys)
        {
            _keys.Enqueue(c switch { 'E' => KeyCode.Enter, 'C' => KeyCode.Cancel, 'F' => KeyCode.Func, 'B' => KeyCode.Backspace, _ => (KeyCode)(c - '0') });
        }
    }

    /// <summary>The next card presented (delivered once the reader is on).</summary>
    public void Present(CardData card) => _cards.Enqueue((card, CardReadStatus.None));

    /// <summary>The next read fails for this reason.</summary>
    public void FailRead(CardReadStatus failure) => _cards.Enqueue((null, failure));

    /// <summary>The loop's CardData the last read filled, and the EMV array put in it (tests check the loop wiped both).</summary>
    public CardData? LastFilled { get; private set; }

    public byte[]? LastFilledIccData { get; private set; }

    public bool HasPendingInput => _keys.Count > 0 || (IsReading && _cards.Count > 0) || _jobs.Count > 0;

    public bool TryTakeKey(out KeyCode key) => _keys.TryDequeue(out key);

    public void Start(int readTimeoutMs, long amountMinor, byte emvTransactionType)
    {
        IsReading = true;
        _readAmountMinor = amountMinor;
        _readEmvType = emvTransactionType;
    }

    // What the terminal started its read with: a card marked TapAtRead is tapped with them.
    private long _readAmountMinor;
    private byte _readEmvType;

    public void Stop() => IsReading = false;

    public CardPoll Poll(CardData card, out CardReadStatus failure)
    {
        failure = CardReadStatus.None;
        if (!IsReading || !_cards.TryDequeue(out var next))
        {
            return CardPoll.Nothing;
        }

        IsReading = false;
        if (next.Card == null)
        {
            failure = next.Failure;
            return CardPoll.Failed;
        }

        card.Entry = next.Card.Entry;
        card.Pan = next.Card.Pan;
        card.Expiry = next.Card.Expiry;
        card.Track2 = next.Card.Track2;
        card.CardSequence = next.Card.CardSequence;
        card.IccData = TapAtRead.IsDeferred(next.Card)
            ? TapAtRead.Tap(next.Card, _readAmountMinor, _readEmvType)
            : next.Card.IccData == null ? null : (byte[])next.Card.IccData.Clone();
        LastFilled = card;
        LastFilledIccData = card.IccData;
        return CardPoll.Read;
    }

    public void Show(Screen screen)
    {
        Screen = screen;
        if (Screens.Count >= MaxScreens)
        {
            Screens.RemoveRange(0, MaxScreens / 2);
        }

        Screens.Add(screen);
    }

    public void Print(string[] lines) => _jobs.Enqueue((lines, _clock.NowMs + PrintMs));

    public bool TryTakeResult(out PrinterStatus status)
    {
        status = PrinterStatus.Printed;
        if (_jobs.Count == 0 || _jobs.Peek().DoneAtMs > _clock.NowMs)
        {
            return false;
        }

        var job = _jobs.Dequeue();
        if (PaperOutJobs > 0)
        {
            PaperOutJobs--;
            status = PrinterStatus.OutOfPaper;
            return true;
        }

        if (Slips.Count >= MaxScreens)
        {
            Slips.RemoveRange(0, MaxScreens / 2);
        }

        Slips.Add(job.Lines);
        return true;
    }

    /// <summary>When the printer next finishes a job, or long.MaxValue.</summary>
    public long NextEventMs => _jobs.Count == 0 ? long.MaxValue : _jobs.Peek().DoneAtMs;

    public void Beep(Tone tone) => Beeps++;

    /// <summary>The status flags last shown.</summary>
    public int Status { get; private set; }

    public void ShowStatus(int statusFlags) => Status = statusFlags;

    /// <summary>A scripted buzzer counts tones; it has no notes to move on.</summary>
    public void Update()
    {
    }
}
