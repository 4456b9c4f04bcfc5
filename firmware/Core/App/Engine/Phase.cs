namespace PosFirmware.App.Engine
{
    /// <summary>Where the counter-side flow stands (the host link has its own state: LinkState).</summary>
    public enum Phase
    {
        /// <summary>Before the first PowerOn event.</summary>
        Off = 0,
        /// <summary>Power-on: signing on and delivering a pending reversal.</summary>
        Starting = 1,
        Idle = 2,
        Menu = 3,
        EnterTrace = 4,
        EnterAmount = 5,
        WaitCard = 6,
        EnterPin = 7,
        /// <summary>Waiting for the host link to finish the goal.</summary>
        Online = 8,
        /// <summary>Showing an outcome, printing its slips.</summary>
        Outcome = 9,
        /// <summary>Showing the last transaction, the totals or a balance.</summary>
        Info = 10,
        ConfirmSettle = 11,
    }
}
