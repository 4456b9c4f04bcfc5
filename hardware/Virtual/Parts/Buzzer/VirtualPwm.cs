using PosFirmware.Hal;

namespace PosFirmware.Virtual.Parts.Buzzer;

/// <summary>One note the buzzer played: frequency, and when it started and stopped (ms since boot).</summary>
public readonly record struct PlayedNote(int FrequencyHz, int DutyPercent, long StartMs, long StopMs)
{
    public long DurationMs => StopMs - StartMs;
}

/// <summary>
/// A PWM output as a logic analyser sees it: every note with its start and stop on the injected
/// clock. Retuning while running ends one note and starts the next, as the LEDC timer does.
/// </summary>
public sealed class VirtualPwm : IPwmOutput
{
    private readonly IClock _clock;
    private int _frequencyHz;
    private int _dutyPercent;
    private long _startMs;

    public VirtualPwm(IClock clock)
    {
        _clock = clock;
    }

    public List<PlayedNote> Notes { get; } = new();

    public bool IsRunning => _frequencyHz > 0;

    public int FrequencyHz => _frequencyHz;

    public void Start(int frequencyHz, int dutyPercent)
    {
        if (frequencyHz <= 0 || frequencyHz > 40_000_000 || dutyPercent < 0 || dutyPercent > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(frequencyHz), $"LEDC cannot make {frequencyHz} Hz at {dutyPercent}%");
        }

        Close();
        _frequencyHz = frequencyHz;
        _dutyPercent = dutyPercent;
        _startMs = _clock.NowMs;
    }

    public void Stop() => Close();

    private void Close()
    {
        if (_frequencyHz > 0)
        {
            Notes.Add(new PlayedNote(_frequencyHz, _dutyPercent, _startMs, _clock.NowMs));
            _frequencyHz = 0;
        }
    }
}
