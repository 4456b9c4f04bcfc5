using System;

namespace PosFirmware.HostSimulator
{
    /// <summary>
    /// The host's own misbehaviour, as probabilities per answer (or per connection for Refuse), for
    /// every connection of a TcpHost: no answer, a late answer, the answer twice, a garbled frame,
    /// a bad MAC, a reset in the middle of the frame, refused connections. Seeded: a run repeats.
    /// </summary>
    public sealed class HostFaults
    {
        private readonly Random _random;
        private readonly object _lock = new object();

        public HostFaults(int seed)
        {
            _random = new Random(seed);
        }

        public double NoAnswer { get; set; }

        public double LateAnswer { get; set; }

        public int LateAnswerMs { get; set; } = 40_000;

        public double DuplicateAnswer { get; set; }

        public double GarbledFrame { get; set; }

        public double BadMac { get; set; }

        public double ResetMidFrame { get; set; }

        public double RefuseConnection { get; set; }

        /// <summary>Sets one fault by name ("no-answer", "late", "duplicate", "garbled", "bad-mac", "reset", "refuse"); false for an unknown name.</summary>
        public bool Set(string name, double probability)
        {
            switch (name)
            {
                case "no-answer": NoAnswer = probability; return true;
                case "late": LateAnswer = probability; return true;
                case "duplicate": DuplicateAnswer = probability; return true;
                case "garbled": GarbledFrame = probability; return true;
                case "bad-mac": BadMac = probability; return true;
                case "reset": ResetMidFrame = probability; return true;
                case "refuse": RefuseConnection = probability; return true;
                default: return false;
            }
        }

        public void Clear()
        {
            NoAnswer = LateAnswer = DuplicateAnswer = GarbledFrame = BadMac = ResetMidFrame = RefuseConnection = 0;
        }

        public bool Roll(double probability)
        {
            if (probability <= 0)
            {
                return false;
            }

            lock (_lock)
            {
                return _random.NextDouble() < probability;
            }
        }
    }
}
