using System;
using System.Collections.Generic;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using PosFirmware.App.Engine;
using PosFirmware.Devices;
using PosFirmware.Drivers.Buzzer;
using PosFirmware.Virtual.Parts.Buzzer;
using PosFirmware.Virtual.Time;

namespace PosFirmware.UnitTests.Host.Drivers;

[TestClass]
public class BuzzerTests
{
    private static (ManualClock Clock, VirtualPwm Pwm, PwmBuzzer Buzzer) Rig()
    {
        var clock = new ManualClock(1_000);
        var pwm = new VirtualPwm(clock);
        return (clock, pwm, new PwmBuzzer(pwm, clock));
    }

    private static void Run(ManualClock clock, PwmBuzzer buzzer, int forMs, int stepMs = 5)
    {
        for (int t = 0; t < forMs; t += stepMs)
        {
            clock.Advance(stepMs);
            buzzer.Update();
        }
    }

    [TestMethod]
    public void EveryTonePlaysItsNotesAtTheirLengthsAndThenFallsSilent()
    {
        foreach (Tone tone in Enum.GetValues<Tone>())
        {
            var (clock, pwm, buzzer) = Rig();
            int[] notes = BuzzerTones.Of(tone);
            long start = clock.NowMs;
            buzzer.Beep(tone);
            Run(clock, buzzer, BuzzerTones.DurationMs(notes) + 50);

            Assert.IsFalse(pwm.IsRunning, tone.ToString());
            Assert.IsFalse(buzzer.IsPlaying, tone.ToString());
            var expected = new List<PlayedNote>();
            long at = start;
            for (int i = 0; i < notes.Length; i += 2)
            {
                if (notes[i] > 0)
                {
                    expected.Add(new PlayedNote(notes[i], PwmBuzzer.DutyPercent, at, at + notes[i + 1]));
                }

                at += notes[i + 1];
            }

            CollectionAssert.AreEqual(expected, pwm.Notes, tone.ToString());
        }
    }

    [TestMethod]
    public void TonesAreTellableApart()
    {
        // Success rises, failure is low and long, a key click is short.
        Assert.IsTrue(BuzzerTones.Success[4] > BuzzerTones.Success[0]);
        Assert.IsTrue(BuzzerTones.Failure[0] < 1000 && BuzzerTones.DurationMs(BuzzerTones.Failure) > BuzzerTones.DurationMs(BuzzerTones.Success));
        Assert.IsTrue(BuzzerTones.DurationMs(BuzzerTones.Key) <= 50);
    }

    [TestMethod]
    public void ANewToneReplacesTheOnePlaying()
    {
        var (clock, pwm, buzzer) = Rig();
        buzzer.Beep(Tone.Failure);
        Run(clock, buzzer, 100);
        buzzer.Beep(Tone.Key);
        Run(clock, buzzer, 200);

        Assert.AreEqual(2, pwm.Notes.Count);
        Assert.AreEqual(BuzzerTones.Failure[0], pwm.Notes[0].FrequencyHz);
        Assert.AreEqual(100, pwm.Notes[0].DurationMs);
        Assert.AreEqual(BuzzerTones.Key[0], pwm.Notes[1].FrequencyHz);
        Assert.AreEqual(BuzzerTones.Key[1], pwm.Notes[1].DurationMs);
    }

    [TestMethod]
    public void ASlowLoopSkipsNotesItMissedInsteadOfPlayingThemLate()
    {
        var (clock, pwm, buzzer) = Rig();
        buzzer.Beep(Tone.Success);
        clock.Advance(1_000);
        buzzer.Update();

        Assert.IsFalse(pwm.IsRunning);
        Assert.IsFalse(buzzer.IsPlaying);
    }

    [TestMethod]
    public void UpdateWithoutAToneDoesNothing()
    {
        var (clock, pwm, buzzer) = Rig();
        Run(clock, buzzer, 100);
        Assert.AreEqual(0, pwm.Notes.Count);
        Assert.IsFalse(pwm.IsRunning);
    }
}
