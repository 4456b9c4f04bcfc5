using PosFirmware.Virtual.Parts.Serial;

namespace PosFirmware.Virtual.Parts.Contactless;

/// <summary>
/// A PN532 in HSU mode at the other end of a virtual UART (NXP UM0701-02): asleep until the wake-up
/// preamble (55 55 00 ...); checks each frame's length and data checksums (a bad frame gets no ACK,
/// so the host sends again); ACKs a good frame, then answers after the time the command takes;
/// resends its last answer on a NACK; an ACK from the host aborts a command still running; answers
/// a command it does not know with an error frame. Holds at most one card in its field; a card that
/// leaves or stays mute makes InDataExchange answer status 01 (timeout), as the chip does.
/// Faults for tests: Mute (no byte ever), drop the next command, corrupt answers, garbage before answers.
/// </summary>
public sealed class Pn532Model
{
    private readonly VirtualSerialPort _port;
    private readonly List<byte> _in = new();
    private readonly System.Random _random;
    private byte[]? _lastAnswer;
    private bool _activated;

    public Pn532Model(VirtualSerialPort port, int seed = 1)
    {
        _port = port;
        _random = new System.Random(seed);
        port.OnWrite = Receive;
    }

    public bool Awake { get; private set; }

    /// <summary>The IC byte GetFirmwareVersion answers (0x32 for a PN532; a PN531 says 0x31).</summary>
    public byte FirmwareIc { get; set; } = 0x32;

    public bool FieldOn { get; private set; }

    public bool SamConfigured { get; private set; }

    public int MaxRetries { get; private set; } = 0xFF;

    public VirtualContactlessCard? Card { get; private set; }

    /// <summary>Never answers: unpowered, wrong baud rate or not wired.</summary>
    public bool Mute { get; set; }

    /// <summary>Commands to ignore entirely (as if the frame was lost on the line).</summary>
    public int DropCommands { get; set; }

    /// <summary>Answers to send with a broken data checksum.</summary>
    public int CorruptAnswers { get; set; }

    /// <summary>Random bytes sent before each answer.</summary>
    public int GarbageBeforeAnswers { get; set; }

    public List<byte> Commands { get; } = new();

    public long FramesReceived { get; private set; }

    public long NacksReceived { get; private set; }

    public long AbortsReceived { get; private set; }

    /// <summary>Puts a card in the field (it answers the next InListPassiveTarget).</summary>
    public void Present(VirtualContactlessCard card)
    {
        card.Reset();
        Card = card;
        _activated = false;
    }

    public void Remove()
    {
        Card = null;
        _activated = false;
    }

    private void Receive(byte[] bytes)
    {
        if (Mute)
        {
            return;
        }

        _in.AddRange(bytes);
        if (!Awake)
        {
            int wake = IndexOfWake();
            if (wake < 0)
            {
                _in.Clear();
                return;
            }

            Awake = true;
            _in.RemoveRange(0, wake + 2);
        }

        for (int guard = 0; guard < 16 && TakeFrame(); guard++)
        {
        }
    }

    private int IndexOfWake()
    {
        for (int i = 0; i + 1 < _in.Count; i++)
        {
            if (_in[i] == 0x55 && _in[i + 1] == 0x55)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Takes one frame from the input; false when there is none complete.</summary>
    private bool TakeFrame()
    {
        int start = -1;
        for (int i = 0; i + 1 < _in.Count; i++)
        {
            if (_in[i] == 0x00 && _in[i + 1] == 0xFF)
            {
                start = i;
                break;
            }
        }

        if (start < 0 || start + 4 > _in.Count)
        {
            return false;
        }

        int len = _in[start + 2];
        int lcs = _in[start + 3];
        if (len == 0x00 && lcs == 0xFF)
        {
            // ACK from the host: abort the running command (nothing runs long here).
            AbortsReceived++;
            _in.RemoveRange(0, start + 4);
            return true;
        }

        if (len == 0xFF && lcs == 0x00)
        {
            NacksReceived++;
            _in.RemoveRange(0, start + 4);
            if (_lastAnswer != null)
            {
                Transmit(_lastAnswer, 1);
            }

            return true;
        }

        if (((len + lcs) & 0xFF) != 0)
        {
            _in.RemoveRange(0, start + 2);
            return true;
        }

        if (start + 4 + len + 1 > _in.Count)
        {
            return false;
        }

        byte[] payload = _in.Skip(start + 4).Take(len).ToArray();
        int dcs = _in[start + 4 + len];
        _in.RemoveRange(0, Math.Min(_in.Count, start + 4 + len + 2));
        if (((payload.Sum(b => b) + dcs) & 0xFF) != 0 || payload.Length < 2 || payload[0] != 0xD4)
        {
            return true;
        }

        FramesReceived++;
        if (DropCommands > 0)
        {
            DropCommands--;
            return true;
        }

        _port.Send(new byte[] { 0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00 });
        Execute(payload[1], payload[2..]);
        return true;
    }

    private void Execute(byte command, byte[] data)
    {
        Commands.Add(command);
        switch (command)
        {
            case 0x02:
                Answer(command, new byte[] { FirmwareIc, 0x01, 0x06, 0x07 }, 2);
                return;
            case 0x14:
                SamConfigured = data.Length >= 1 && data[0] == 0x01;
                Answer(command, Array.Empty<byte>(), 2);
                return;
            case 0x32:
                if (data.Length >= 2 && data[0] == 0x01)
                {
                    FieldOn = (data[1] & 0x01) != 0;
                    _activated = false;
                }
                else if (data.Length >= 4 && data[0] == 0x05)
                {
                    MaxRetries = data[3];
                }

                Answer(command, Array.Empty<byte>(), 2);
                return;
            case 0x4A:
                ListPassiveTarget();
                return;
            case 0x40:
                DataExchange(data);
                return;
            case 0x52:
                _activated = false;
                Answer(command, new byte[] { 0x00 }, 2);
                return;
            default:
                SendFrame(new byte[] { 0x7F });
                return;
        }
    }

    private void ListPassiveTarget()
    {
        FieldOn = true;
        if (!SamConfigured || Card == null)
        {
            // MxRtyPassiveActivation tries of about 10 ms each, then "no target".
            int retries = MaxRetries == 0xFF ? 50 : MaxRetries + 1;
            Answer(0x4A, new byte[] { 0x00 }, Math.Min(retries * 10, 500));
            return;
        }

        _activated = true;
        byte[] uid = Card.Uid;
        var answer = new List<byte> { 0x01, 0x01, 0x00, 0x04, (byte)Card.Spec.SelRes, (byte)uid.Length };
        answer.AddRange(uid);
        if ((Card.Spec.SelRes & 0x20) != 0)
        {
            answer.AddRange(new byte[] { 0x05, 0x78, 0x80, 0x70, 0x02 });
        }

        Answer(0x4A, answer.ToArray(), 15);
    }

    private void DataExchange(byte[] data)
    {
        if (data.Length < 1 || data[0] != 0x01 || !_activated || Card == null)
        {
            // Target not activated / wrong target number: error 0x27 (improper state).
            Answer(0x40, new byte[] { 0x27 }, 2);
            return;
        }

        byte[]? response = Card.Process(data[1..]);
        if (response == null)
        {
            // The card did not answer within the chip's timeout: status 01.
            Answer(0x40, new byte[] { 0x01 }, 80);
            return;
        }

        var answer = new byte[response.Length + 1];
        response.CopyTo(answer, 1);
        Answer(0x40, answer, 20);
    }

    private void Answer(byte command, byte[] data, int delayMs)
    {
        var payload = new byte[data.Length + 2];
        payload[0] = 0xD5;
        payload[1] = (byte)(command + 1);
        data.CopyTo(payload, 2);
        SendFrame(payload, delayMs);
    }

    private void SendFrame(byte[] payload, int delayMs = 2)
    {
        var frame = new List<byte> { 0x00, 0x00, 0xFF };
        if (payload.Length <= 254)
        {
            frame.Add((byte)payload.Length);
            frame.Add((byte)(0x100 - payload.Length));
        }
        else
        {
            frame.AddRange(new byte[] { 0xFF, 0xFF, (byte)(payload.Length >> 8), (byte)payload.Length, (byte)(0x100 - (((payload.Length >> 8) + payload.Length) & 0xFF)) });
        }

        frame.AddRange(payload);
        frame.Add((byte)(0x100 - (payload.Sum(b => b) & 0xFF)));
        frame.Add(0x00);
        _lastAnswer = frame.ToArray();
        Transmit(_lastAnswer, delayMs);
    }

    /// <summary>Puts a frame on the line, with the configured damage.</summary>
    private void Transmit(byte[] frame, int delayMs)
    {
        byte[] sent = frame;
        if (CorruptAnswers > 0)
        {
            CorruptAnswers--;
            sent = (byte[])frame.Clone();
            sent[^2] ^= 0x5A;
        }

        if (GarbageBeforeAnswers > 0)
        {
            var garbage = new byte[GarbageBeforeAnswers];
            _random.NextBytes(garbage);
            sent = garbage.Concat(sent).ToArray();
        }

        _port.Send(sent, delayMs);
    }
}
