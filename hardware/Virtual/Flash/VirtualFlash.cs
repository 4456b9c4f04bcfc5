using PosFirmware.Hal;
using PosFirmware.Virtual.Random;

namespace PosFirmware.Virtual.Flash;

/// <summary>
/// IFlashStore with the LittleFS semantics of the ESP32 config partition (PLATFORM.md) and the
/// faults a simulation needs:
/// - durable state is the set of closed files; bytes written to an open file are pending and a
///   power cut drops them, leaving each file as its last close left it;
/// - creating a file makes it exist (empty) at once; rename is atomic and never overwrites;
/// - power can be cut before or after the N-th operation (every IFlashStore and IFlashFile call
///   is one operation), or with a seeded probability per operation, or right now;
/// - stored bits can be flipped, to prove that readers check their CRCs.
/// While the power is off every call throws PowerCutException, like code that cannot run.
/// </summary>
public sealed class VirtualFlash : IFlashStore
{
    /// <summary>Bytes of metadata LittleFS spends per file, in our approximation of its usage.</summary>
    public const int FileOverheadBytes = 32;

    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FlashFileHandle> _writers = new(StringComparer.Ordinal);
    private readonly OperationLog _log;
    private long _scheduledCutIndex = -1;
    private CutPoint _scheduledCutPoint;
    private SeededRandom? _cutRandom;
    private double _cutProbability;
    private int _powerEpoch;
    private int _usedBytes;
    private int _pendingBytes;

    public VirtualFlash(int capacityBytes = 256 * 1024, int maxOpenFiles = 4, int logCapacity = 10_000)
    {
        if (capacityBytes <= 0 || maxOpenFiles <= 0 || logCapacity < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(capacityBytes));
        }

        CapacityBytes = capacityBytes;
        MaxOpenFiles = maxOpenFiles;
        LogCapacity = logCapacity;
        _log = new OperationLog(logCapacity);
    }

    public int CapacityBytes { get; }

    public int MaxOpenFiles { get; }

    public int LogCapacity { get; }

    public bool IsPoweredOn { get; private set; } = true;

    /// <summary>Operations attempted since the flash was made (the index the next one gets).</summary>
    public long OperationCount { get; private set; }

    /// <summary>Closes that made bytes durable (each one costs real flash time on the device).</summary>
    public long DurableCloseCount { get; private set; }

    /// <summary>Bytes made durable by closes.</summary>
    public long BytesCommitted { get; private set; }

    /// <summary>Power cuts so far, of any origin.</summary>
    public int PowerCutCount { get; private set; }

    /// <summary>
    /// Managed bytes the virtual flash allocated for its own bookkeeping (copy-on-commit, the log).
    /// LittleFS on the device allocates none, so benchmarks take this out of the firmware's figure.
    /// </summary>
    public long OwnAllocatedBytes { get; private set; }

    /// <summary>Bits flipped so far.</summary>
    public int BitFlipCount { get; private set; }

    /// <summary>The most recent operations, oldest first (at most LogCapacity).</summary>
    public IReadOnlyList<FlashOperation> Log => _log;

    /// <summary>Durable bytes in use, by our approximation of LittleFS (content + per-file overhead).</summary>
    public int UsedBytes => _usedBytes;

    // ---- fault injection ----

    /// <summary>Cuts the power before or after the operation with this index (see OperationCount).</summary>
    public void ScheduleCut(long operationIndex, CutPoint point)
    {
        if (operationIndex < OperationCount)
        {
            throw new ArgumentOutOfRangeException(nameof(operationIndex), "that operation has happened");
        }

        _scheduledCutIndex = operationIndex;
        _scheduledCutPoint = point;
    }

    /// <summary>Cuts the power around each operation with this probability (before or after, evenly).</summary>
    public void CutRandomly(double probabilityPerOperation, SeededRandom random)
    {
        _cutProbability = probabilityPerOperation;
        _cutRandom = random;
    }

    /// <summary>Stops every scheduled and random cut.</summary>
    public void ClearFaults()
    {
        _scheduledCutIndex = -1;
        _cutProbability = 0;
        _cutRandom = null;
    }

    /// <summary>Cuts the power now, between operations.</summary>
    public void CutPowerNow()
    {
        if (IsPoweredOn)
        {
            LosePower();
        }
    }

    /// <summary>Restores power. Open handles from before the cut stay dead.</summary>
    public void PowerOn()
    {
        IsPoweredOn = true;
    }

    /// <summary>Flips one stored bit of a closed file (bit 0 is the low bit of byte 0).</summary>
    public void FlipBit(string name, long bitIndex)
    {
        if (!_files.TryGetValue(name, out var data))
        {
            throw new ArgumentException($"no file {name}", nameof(name));
        }

        if (bitIndex < 0 || bitIndex >= data.Length * 8L)
        {
            throw new ArgumentOutOfRangeException(nameof(bitIndex));
        }

        data[bitIndex / 8] ^= (byte)(1 << (int)(bitIndex % 8));
        BitFlipCount++;
    }

    /// <summary>Flips count random stored bits across non-empty files; returns how many it flipped.</summary>
    public int FlipRandomBits(SeededRandom random, int count)
    {
        var candidates = _files.Where(f => f.Value.Length > 0).Select(f => f.Key).ToArray();
        if (candidates.Length == 0)
        {
            return 0;
        }

        for (int i = 0; i < count; i++)
        {
            string name = candidates[random.NextInt(candidates.Length)];
            FlipBit(name, random.NextLong(_files[name].Length * 8L));
        }

        return count;
    }

    /// <summary>A copy of a file's durable bytes, or null (for tests and traces; not an operation).</summary>
    public byte[]? Peek(string name) => _files.TryGetValue(name, out var data) ? (byte[])data.Clone() : null;

    /// <summary>Puts durable bytes in place directly (to build a damaged image; not an operation).</summary>
    public void Poke(string name, byte[] data)
    {
        if (!FlashNames.IsValid(name))
        {
            throw new ArgumentException("invalid name", nameof(name));
        }

        SetFile(name, (byte[])data.Clone());
    }

    // ---- IFlashStore ----

    public FlashStatus OpenAppend(string name, out IFlashFile file)
    {
        return Open(name, createOnly: false, out file);
    }

    public FlashStatus Create(string name, out IFlashFile file)
    {
        return Open(name, createOnly: true, out file);
    }

    public FlashStatus GetLength(string name, out int length)
    {
        length = 0;
        using var op = Begin("length", name);
        if (!FlashNames.IsValid(name))
        {
            return FlashStatus.InvalidName;
        }

        if (!_files.TryGetValue(name, out var data))
        {
            return FlashStatus.NotFound;
        }

        length = data.Length;
        return FlashStatus.Ok;
    }

    public FlashStatus ReadAt(string name, int position, byte[] buffer, int offset, int count, out int bytesRead)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        if (position < 0 || offset < 0 || count < 0 || offset > buffer.Length - count)
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        bytesRead = 0;
        using var op = Begin("read", name);
        if (!FlashNames.IsValid(name))
        {
            return FlashStatus.InvalidName;
        }

        if (!_files.TryGetValue(name, out var data))
        {
            return FlashStatus.NotFound;
        }

        int n = Math.Max(0, Math.Min(count, data.Length - position));
        Array.Copy(data, Math.Min(position, data.Length), buffer, offset, n);
        bytesRead = n;
        return FlashStatus.Ok;
    }

    public FlashStatus Rename(string oldName, string newName)
    {
        using var op = Begin("rename", oldName + "->" + newName);
        if (!FlashNames.IsValid(oldName) || !FlashNames.IsValid(newName))
        {
            return FlashStatus.InvalidName;
        }

        if (!_files.TryGetValue(oldName, out var data))
        {
            return FlashStatus.NotFound;
        }

        if (_writers.ContainsKey(oldName))
        {
            return FlashStatus.Busy;
        }

        if (_files.ContainsKey(newName))
        {
            return FlashStatus.AlreadyExists;
        }

        RemoveFile(oldName);
        SetFile(newName, data);
        op.Commit();
        return FlashStatus.Ok;
    }

    public FlashStatus Delete(string name)
    {
        using var op = Begin("delete", name);
        if (!FlashNames.IsValid(name))
        {
            return FlashStatus.InvalidName;
        }

        if (!_files.ContainsKey(name))
        {
            return FlashStatus.NotFound;
        }

        if (_writers.ContainsKey(name))
        {
            return FlashStatus.Busy;
        }

        RemoveFile(name);
        op.Commit();
        return FlashStatus.Ok;
    }

    public bool Exists(string name)
    {
        using var op = Begin("exists", name);
        return FlashNames.IsValid(name) && _files.ContainsKey(name);
    }

    public string[] List()
    {
        using var op = Begin("list", "*");
        return _files.Keys.ToArray();
    }

    // ---- internals shared with FlashFileHandle ----

    internal int PowerEpoch => _powerEpoch;

    internal OperationScope Begin(string kind, string name, int bytes = 0)
    {
        long allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
        if (!IsPoweredOn)
        {
            throw new PowerCutException($"flash used while the power is off ({kind} {name})");
        }

        long index = OperationCount++;
        _log.Add(new FlashOperation(index, kind, name, bytes));

        bool cutAfter = false;
        if (index == _scheduledCutIndex)
        {
            _scheduledCutIndex = -1;
            if (_scheduledCutPoint == CutPoint.Before)
            {
                LosePower();
                throw new PowerCutException($"power cut before #{index} {kind} {name}");
            }

            cutAfter = true;
        }
        else if (_cutRandom != null && _cutRandom.Chance(_cutProbability))
        {
            if (_cutRandom.Chance(0.5))
            {
                LosePower();
                throw new PowerCutException($"random power cut before #{index} {kind} {name}");
            }

            cutAfter = true;
        }

        return new OperationScope(this, index, kind, name, cutAfter, allocatedAtStart);
    }

    internal FlashStatus Append(FlashFileHandle handle, byte[] data, int offset, int count)
    {
        if (_usedBytes + _pendingBytes + count > CapacityBytes)
        {
            return FlashStatus.NoSpace;
        }

        handle.AddPending(data, offset, count);
        _pendingBytes += count;
        return FlashStatus.Ok;
    }

    internal void Commit(FlashFileHandle handle)
    {
        byte[] before = _files.TryGetValue(handle.Name, out var existing) ? existing : Array.Empty<byte>();
        byte[] pending = handle.TakePending();
        _pendingBytes -= pending.Length;
        var after = new byte[before.Length + pending.Length];
        before.CopyTo(after, 0);
        pending.CopyTo(after, before.Length);
        SetFile(handle.Name, after);
        _writers.Remove(handle.Name);
        DurableCloseCount++;
        BytesCommitted += pending.Length;
    }

    /// <summary>Stores a file's durable bytes, keeping UsedBytes current (it is checked on every write).</summary>
    private void SetFile(string name, byte[] data)
    {
        RemoveFile(name);
        _files[name] = data;
        _usedBytes += data.Length + FileOverheadBytes;
    }

    private void RemoveFile(string name)
    {
        if (_files.Remove(name, out byte[]? old))
        {
            _usedBytes -= old.Length + FileOverheadBytes;
        }
    }

    private FlashStatus Open(string name, bool createOnly, out IFlashFile file)
    {
        file = null!;
        using var op = Begin(createOnly ? "create" : "open-append", name);
        if (!FlashNames.IsValid(name))
        {
            return FlashStatus.InvalidName;
        }

        bool exists = _files.ContainsKey(name);
        if (createOnly && exists)
        {
            return FlashStatus.AlreadyExists;
        }

        if (_writers.ContainsKey(name))
        {
            return FlashStatus.Busy;
        }

        if (_writers.Count >= MaxOpenFiles)
        {
            return FlashStatus.TooManyOpen;
        }

        if (!exists)
        {
            if (UsedBytes + FileOverheadBytes > CapacityBytes)
            {
                return FlashStatus.NoSpace;
            }

            // LittleFS commits the new directory entry when the file is opened with create.
            SetFile(name, Array.Empty<byte>());
        }

        var handle = new FlashFileHandle(this, name, _powerEpoch);
        _writers[name] = handle;
        file = handle;
        op.Commit();
        return FlashStatus.Ok;
    }

    private void LosePower()
    {
        IsPoweredOn = false;
        PowerCutCount++;
        _powerEpoch++;
        foreach (var w in _writers.Values)
        {
            w.Kill();
        }

        _writers.Clear();
        _pendingBytes = 0;
    }

    /// <summary>
    /// One operation in flight. Disposing it carries out a scheduled "after" cut: the effect has
    /// happened (or the operation failed with a status), then the power goes.
    /// </summary>
    internal readonly struct OperationScope : IDisposable
    {
        private readonly VirtualFlash _flash;
        private readonly bool _cutAfter;
        private readonly long _allocatedAtStart;

        public OperationScope(VirtualFlash flash, long index, string kind, string name, bool cutAfter, long allocatedAtStart)
        {
            _flash = flash;
            _cutAfter = cutAfter;
            _allocatedAtStart = allocatedAtStart;
            Index = index;
            Kind = kind;
            Name = name;
        }

        public long Index { get; }

        public string Kind { get; }

        public string Name { get; }

        /// <summary>Marks the effect as done (documentation for readers; the cut happens in Dispose either way).</summary>
        public void Commit()
        {
        }

        public void Dispose()
        {
            _flash.OwnAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - _allocatedAtStart;
            if (_cutAfter)
            {
                _flash.LosePower();
                throw new PowerCutException($"power cut after #{Index} {Kind} {Name}");
            }
        }
    }
}
